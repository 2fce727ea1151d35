package com.estateguard.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.common.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A pass is revoked once, with a reason. */
class PassTest {

    private static final Instant NOW = Instant.parse("2022-04-10T02:00:00Z");

    private static Pass valid() {
        return new Pass(5L, 3, null, null, null, 0);
    }

    @Test
    void aValidPassIsRevokedWithAReason() {
        Pass pass = valid();
        pass.revoke(" 居家隔离 ", "管理员", NOW);
        assertThat(pass.revokedAt()).isEqualTo(NOW);
        assertThat(pass.revokeReason()).isEqualTo("居家隔离");
    }

    @Test
    void aRevokedPassRefusesASecondRevocationAndKeepsTheFirstReason() {
        Pass pass = valid();
        pass.revoke("居家隔离", "管理员", NOW);
        assertThatThrownBy(() -> pass.revoke("搬离", "管理员", NOW.plusSeconds(60)))
                .isInstanceOf(PassAlreadyRevoked.class).hasMessage("pass.error.alreadyRevoked");
        assertThat(pass.revokeReason()).isEqualTo("居家隔离");
        assertThat(pass.revokedAt()).isEqualTo(NOW);
    }

    @Test
    void revokingNeedsAReason() {
        Pass pass = valid();
        assertThatThrownBy(() -> pass.revoke(" ", "管理员", NOW)).isInstanceOf(InvalidInputException.class);
        assertThat(pass.revokedAt()).isNull();
    }
}
