package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    /** Builds a full 18-character number from 17 leading digits. */
    private static String withCheck(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "32058319800229123", "35050220011010456", "44030420000101000"})
    void numbersWithTheirCheckCharacterAreValid(String first17) {
        assertThat(IdNumber.valid(withCheck(first17))).isTrue();
    }

    @Test
    void knownGbExampleIsValid() {
        // The GB 11643 worked example: 11010519491231002X.
        assertThat(IdNumber.checkChar("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.valid("11010519491231002X")).isTrue();
    }

    @Test
    void aChangedDigitFails() {
        String valid = withCheck("32058319800229123");
        for (int i = 0; i < 17; i++) {
            char original = valid.charAt(i);
            char changed = original == '9' ? '0' : (char) (original + 1);
            String tampered = valid.substring(0, i) + changed + valid.substring(i + 1);
            // a change in the date may also make the date invalid; either way it must fail
            assertThat(IdNumber.valid(tampered)).as("digit %d changed: %s", i, tampered).isFalse();
        }
    }

    @Test
    void aWrongCheckCharacterFails() {
        String valid = withCheck("11010519800101123");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';

        assertThat(IdNumber.valid(valid.substring(0, 17) + wrong)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519801301123", "11010519800132123", "11010519810229123", "11010519800000123"})
    void impossibleBirthDateFailsEvenWithACorrectCheckCharacter(String first17) {
        assertThat(IdNumber.valid(withCheck(first17))).isFalse();
    }

    @Test
    void leapDayIsAValidBirthDate() {
        assertThat(IdNumber.valid(withCheck("32058320000229123"))).isTrue();
    }

    @Test
    void lowerCaseXIsAccepted() {
        assertThat(IdNumber.valid("11010519491231002x")).isTrue();
        assertThat(IdNumber.normalise(" 11010519491231002x ")).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "1101051949123100200", "1101051949123100AX", "X1010519491231002"})
    void wrongShapeFails(String raw) {
        assertThat(IdNumber.valid(raw)).isFalse();
    }

    @Test
    void nullIsNotValid() {
        assertThat(IdNumber.valid(null)).isFalse();
    }

    @Test
    void maskShowsFirstFourAndLastFour() {
        assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @Test
    void maskNormalisesFirst() {
        assertThat(IdNumber.mask(" 11010519491231002x ")).isEqualTo("1101**********002X");
    }

    @Test
    void maskOfSomethingTooShortRevealsNothing() {
        assertThat(IdNumber.mask("1234567")).isEqualTo("****");
        assertThat(IdNumber.mask(null)).isEqualTo("****");
    }
}
