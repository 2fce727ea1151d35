package com.estateguard.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.common.InvalidInputException;
import com.estateguard.hygiene.internal.Agent;
import com.estateguard.hygiene.internal.DayCompliance;
import com.estateguard.hygiene.internal.Disinfection;
import com.estateguard.hygiene.internal.HygieneParameters;
import com.estateguard.hygiene.internal.HygieneRule;
import com.estateguard.hygiene.internal.Issue;
import com.estateguard.hygiene.internal.Place;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.hygiene.internal.TaskSchedule;
import com.estateguard.hygiene.internal.TaskState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Task generation, the compliance rules and the day's compliance, without a database. */
class HygieneRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final HygieneParameters SEED = HygieneParameters.defaults();
    private static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");

    private static Disinfection chlorine(Integer mgL, int ventilation) {
        return new Disinfection(NOW, Agent.CHLORINE, mgL, new BigDecimal("50"), ventilation, null);
    }

    @Test
    void twiceADayMakesTwoTasksDueAtTheEndOfEachHalfOfTheWorkingDay() {
        var slots = TaskSchedule.slots(LocalDate.of(2026, 3, 2), 2, SHANGHAI);
        assertThat(slots).extracting(TaskSchedule.Slot::number).containsExactly(1, 2);
        assertThat(slots.get(0).dueAt()).isEqualTo(LocalDate.of(2026, 3, 2).atTime(13, 0).atZone(SHANGHAI).toInstant());
        assertThat(slots.get(1).dueAt()).isEqualTo(LocalDate.of(2026, 3, 2).atTime(20, 0).atZone(SHANGHAI).toInstant());
    }

    @Test
    void fourTimesADayMakesFourTasks() {
        assertThat(TaskSchedule.slots(LocalDate.of(2026, 3, 2), 4, SHANGHAI)).hasSize(4);
    }

    @Test
    void aConcentrationInsideTheSeedRangeIsCompliant() {
        var lobby = PlaceType.LOBBY.policyRequirement(SEED);
        assertThat(HygieneRule.judge(chlorine(250, 15), lobby)).isEmpty();
        assertThat(HygieneRule.judge(chlorine(500, 20), lobby)).isEmpty();
    }

    @Test
    void tooWeakTooStrongAndTooShortAreAllReported() {
        var lobby = PlaceType.LOBBY.policyRequirement(SEED);
        assertThat(HygieneRule.judge(chlorine(249, 15), lobby)).containsExactly(Issue.CONCENTRATION_LOW);
        assertThat(HygieneRule.judge(chlorine(501, 14), lobby)).containsExactly(Issue.CONCENTRATION_HIGH, Issue.VENTILATION_SHORT);
        assertThat(HygieneRule.judge(chlorine(null, 15), lobby)).containsExactly(Issue.CONCENTRATION_MISSING);
    }

    @Test
    void wasteBinsNeedTheirOwnConcentration() {
        var bins = PlaceType.WASTE_BINS.policyRequirement(SEED);
        assertThat(HygieneRule.judge(chlorine(400, 0), bins)).containsExactly(Issue.CONCENTRATION_LOW);
        assertThat(HygieneRule.judge(chlorine(500, 0), bins)).isEmpty();
    }

    @Test
    void liftCarsMustBeWipedHighEnoughAndIndoorRoomsVentilatedLonger() {
        var lift = PlaceType.LIFT_CAR.policyRequirement(SEED);
        var low = new Disinfection(NOW, Agent.CHLORINE, 300, BigDecimal.TEN, 15, new BigDecimal("1.5"));
        assertThat(HygieneRule.judge(low, lift)).containsExactly(Issue.WIPE_TOO_LOW);
        var room = PlaceType.INDOOR_ROOM.policyRequirement(SEED);
        var aired = new Disinfection(NOW, Agent.VENTILATION_ONLY, null, BigDecimal.TEN, 20, null);
        assertThat(HygieneRule.judge(aired, room)).containsExactly(Issue.VENTILATION_SHORT);
    }

    @Test
    void alcoholIsOnlyForTouchPoints() {
        var alcohol = new Disinfection(NOW, Agent.ALCOHOL_75, null, BigDecimal.ONE, 0, null);
        assertThat(HygieneRule.judge(alcohol, PlaceType.TOUCH_POINTS.policyRequirement(SEED))).isEmpty();
        assertThat(HygieneRule.judge(alcohol, PlaceType.CORRIDOR.policyRequirement(SEED))).contains(Issue.AGENT_NOT_ALLOWED);
    }

    @Test
    void aChangedPolicyMovesTheRange() {
        var stricter = new HygieneParameters(3, 400, 600, 700, 20, 30, new BigDecimal("2.0"));
        assertThat(HygieneRule.judge(chlorine(300, 20), PlaceType.LOBBY.policyRequirement(stricter))).containsExactly(Issue.CONCENTRATION_LOW);
        assertThat(PlaceType.LOBBY.policyRequirement(stricter).timesPerDay()).isEqualTo(3);
    }

    @Test
    void aStricterPlanWinsOverThePolicy() {
        var plan = new Place(1, 1, "大堂", PlaceType.LOBBY, 3, Agent.CHLORINE, 300, 450, 20, null, true);
        var requirement = PlaceType.LOBBY.policyRequirement(SEED).strictest(plan.planRequirement());
        assertThat(HygieneRule.judge(chlorine(280, 20), requirement)).containsExactly(Issue.CONCENTRATION_LOW);
        assertThat(HygieneRule.judge(chlorine(350, 16), requirement)).containsExactly(Issue.VENTILATION_SHORT);
    }

    @Test
    void aPlanWeakerThanThePolicyIsRefusedAndEmptyValuesFollowIt() {
        assertThatThrownBy(() -> Places.planFrom(new PlaceForm("大堂", PlaceType.LOBBY, 1, null, null, null, null, null), SEED))
                .isInstanceOf(InvalidInputException.class).hasMessage("hyg.error.timesBelowPolicy");
        assertThatThrownBy(() -> Places.planFrom(new PlaceForm("大堂", PlaceType.LOBBY, null, null, 200, null, null, null), SEED))
                .isInstanceOf(InvalidInputException.class).hasMessage("hyg.error.rangeOutsidePolicy");
        Place lift = Places.planFrom(new PlaceForm("电梯", PlaceType.LIFT_CAR, null, null, null, null, null, null), SEED);
        assertThat(lift.timesPerDay()).isEqualTo(2);
        assertThat(lift.minMgL()).isEqualTo(250);
        assertThat(lift.maxMgL()).isEqualTo(500);
        assertThat(lift.ventilationMinutes()).isEqualTo(15);
        assertThat(lift.wipeHeightM()).isEqualByComparingTo("1.8");
    }

    @Test
    void taskStatesFollowTheClockAndTheRecord() {
        Instant due = Instant.parse("2026-03-02T05:00:00Z");
        assertThat(TaskState.of(due, null, due.minusSeconds(1), false)).isEqualTo(TaskState.PENDING);
        assertThat(TaskState.of(due, null, due.plusSeconds(1), false)).isEqualTo(TaskState.OVERDUE);
        assertThat(TaskState.of(due, null, due.plusSeconds(1), true)).isEqualTo(TaskState.MISSED);
        assertThat(TaskState.of(due, false, due.plusSeconds(1), true)).isEqualTo(TaskState.DONE_NONCOMPLIANT);
        assertThat(TaskState.of(due, true, due.plusSeconds(1), true)).isEqualTo(TaskState.DONE);
    }

    @Test
    void complianceCountsOnlyCompliantDoneTasks() {
        var day = DayCompliance.of(List.of(TaskState.DONE, TaskState.DONE_NONCOMPLIANT, TaskState.MISSED, TaskState.PENDING));
        assertThat(day.ratePercent()).isEqualByComparingTo("25.0");
        assertThat(day.done()).isEqualTo(2);
        assertThat(day.nonCompliant()).isEqualTo(1);
        assertThat(day.missed()).isEqualTo(1);
        assertThat(DayCompliance.of(List.of()).ratePercent()).isNull();
    }
}
