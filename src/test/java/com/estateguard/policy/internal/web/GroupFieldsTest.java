package com.estateguard.policy.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.internal.PolicyGroups;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/** The editor's fields come from a group's record alone: names, labels, bounds, inputs and binding. */
class GroupFieldsTest {

    /** A group the policy pages were never told about. */
    public record CourtyardParameters(@Min(1) @Max(12) int sweepsPerDay, LocalTime gateClosesAt,
                                      @DecimalMin("0.5") @DecimalMax("5.0") BigDecimal fenceHeightM,
                                      boolean lightsAtNight, String noticeText) {
    }

    static final PolicyGroup<CourtyardParameters> COURTYARD = new PolicyGroup<>() {
        @Override
        public String key() {
            return "courtyard";
        }

        @Override
        public Class<CourtyardParameters> type() {
            return CourtyardParameters.class;
        }

        @Override
        public CourtyardParameters seed(PolicyPreset preset) {
            return new CourtyardParameters(2, LocalTime.of(22, 0), new BigDecimal("1.8"), true, "请随手关门");
        }
    };

    static ValidatorFactory validation;
    static PolicyGroups groups;
    static GroupFields fields;

    @BeforeAll
    static void fields() {
        validation = Validation.buildDefaultValidatorFactory();
        groups = new PolicyGroups(List.of(COURTYARD), JsonMapper.builder().build());
        fields = new GroupFields(groups, validation.getValidator());
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void eachComponentIsAFieldNamedAndLabelledByItsGroupWithItsBoundsAndValue() {
        PolicyParameters parameters = groups.complete(PolicyPreset.HUACHUAN_2021.parameters(), "HUACHUAN_2021");

        GroupFields.Group group = fields.of(parameters).get(0);

        assertThat(group.heading()).isEqualTo("param.courtyard");
        assertThat(group.fields()).containsExactly(
                new GroupFields.Field("courtyard.sweepsPerDay", "param.courtyard.sweepsPerDay", "number", "1", "12", "1", "2"),
                new GroupFields.Field("courtyard.gateClosesAt", "param.courtyard.gateClosesAt", "time", null, null, null, "22:00"),
                new GroupFields.Field("courtyard.fenceHeightM", "param.courtyard.fenceHeightM", "number", "0.5", "5.0", "0.1", "1.8"),
                new GroupFields.Field("courtyard.lightsAtNight", "param.courtyard.lightsAtNight", "checkbox", null, null, null, "true"),
                new GroupFields.Field("courtyard.noticeText", "param.courtyard.noticeText", "text", null, null, null, "请随手关门"));
    }

    @Test
    void aPostedGroupIsBoundFromItsFieldsAndAnUntickedBoxIsNo() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("courtyard.sweepsPerDay", " 3 ");
        form.add("courtyard.gateClosesAt", "21:30");
        form.add("courtyard.fenceHeightM", "2.2");
        form.add("courtyard.noticeText", "夜间请走南门");

        FieldErrors errors = new FieldErrors();
        assertThat(fields.bind(form, errors)).containsEntry("courtyard",
                new CourtyardParameters(3, LocalTime.of(21, 30), new BigDecimal("2.2"), false, "夜间请走南门"));
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void aNumberThatIsNotOneIsRefusedByItsName() {
        var form = filledIn();
        form.set("courtyard.sweepsPerDay", "three");
        FieldErrors errors = new FieldErrors();

        assertThat(fields.bind(form, errors)).doesNotContainKey("courtyard");
        assertThat(errors.has("courtyard.sweepsPerDay")).isTrue();
        assertThat(errors.has("courtyard.gateClosesAt")).isFalse();
    }

    @Test
    void aClearedFieldIsRefusedByItsNameAndNothingIsFilledInForIt() {
        var form = filledIn();
        form.set("courtyard.fenceHeightM", "  ");
        FieldErrors errors = new FieldErrors();

        assertThat(fields.bind(form, errors)).doesNotContainKey("courtyard");
        assertThat(errors.has("courtyard.fenceHeightM")).isTrue();
        assertThat(errors.has("courtyard.sweepsPerDay")).isFalse();
    }

    @Test
    void aRefusedFormShowsAgainWithWhatWasTyped() {
        var form = filledIn();
        form.set("courtyard.fenceHeightM", "");
        form.set("courtyard.sweepsPerDay", "99");

        var shown = fields.of(form).get(0).fields();

        assertThat(shown).extracting(GroupFields.Field::value).containsExactly("99", "21:30", "", "false", "夜间请走南门");
    }

    private static LinkedMultiValueMap<String, String> filledIn() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("courtyard.sweepsPerDay", "3");
        form.add("courtyard.gateClosesAt", "21:30");
        form.add("courtyard.fenceHeightM", "2.2");
        form.add("courtyard.noticeText", "夜间请走南门");
        return form;
    }

    /** A record component the editor has no input for. */
    public record Unshowable(List<String> names) {
    }

    @Test
    void aComponentTheEditorCannotShowIsRefusedAtStartUp() {
        PolicyGroup<Unshowable> unshowable = new PolicyGroup<>() {
            @Override
            public String key() {
                return "unshowable";
            }

            @Override
            public Class<Unshowable> type() {
                return Unshowable.class;
            }

            @Override
            public Unshowable seed(PolicyPreset preset) {
                return new Unshowable(List.of());
            }
        };
        var withIt = new PolicyGroups(List.of(unshowable), JsonMapper.builder().build());

        assertThatThrownBy(() -> new GroupFields(withIt, validation.getValidator())).isInstanceOf(IllegalStateException.class);
    }
}
