package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fever is strictly above the policy's limit, whatever the limit and however the reading is written. */
class FeverTest {

    @ParameterizedTest(name = "{0} under a limit of {1}: fever {2}")
    @CsvSource({
            "37.2, 37.3, false",
            "37.3, 37.3, false",
            "37.30, 37.3, false",
            "37.4, 37.3, true",
            "37.31, 37.3, true",
            "37.1, 37.0, true",
            "37.0, 37.0, false",
            "38.0, 38.5, false"})
    void aboveTheLimitIsFeverAtTheLimitIsNot(String reading, String limit, boolean fever) {
        assertThat(Fever.above(new BigDecimal(reading), new BigDecimal(limit))).isEqualTo(fever);
    }
}
