package com.estateguard.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.common.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A follow-up closes once, with a note of what was done. */
class FollowUpTest {

    private static final Instant NOW = Instant.parse("2022-04-10T02:00:00Z");

    private static FollowUp open() {
        return new FollowUp(7L, 3, FollowUp.Status.OPEN, null, null, null, 0);
    }

    @Test
    void anOpenItemClosesWithTheTrimmedNoteAndWhoClosedIt() {
        FollowUp followUp = open();
        followUp.close("  已报告社区  ", "张强", NOW);
        assertThat(followUp.status()).isEqualTo(FollowUp.Status.CLOSED);
        assertThat(followUp.closingNote()).isEqualTo("已报告社区");
        assertThat(followUp.closedBy()).isEqualTo("张强");
    }

    @Test
    void aClosedItemRefusesASecondClosingAndKeepsTheFirstNote() {
        FollowUp followUp = open();
        followUp.close("已报告社区", "张强", NOW);
        assertThatThrownBy(() -> followUp.close("再次关闭", "刘洋", NOW.plusSeconds(60)))
                .isInstanceOf(FollowUpAlreadyClosed.class).hasMessage("error.followUp.closed");
        assertThat(followUp.closingNote()).isEqualTo("已报告社区");
        assertThat(followUp.closedBy()).isEqualTo("张强");
    }

    @Test
    void closingNeedsANoteOfAtMost500Characters() {
        FollowUp followUp = open();
        assertThatThrownBy(() -> followUp.close(" ", "张强", NOW)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> followUp.close("x".repeat(501), "张强", NOW)).isInstanceOf(InvalidInputException.class);
        assertThat(followUp.status()).isEqualTo(FollowUp.Status.OPEN);
        followUp.close("x".repeat(500), "张强", NOW);
        assertThat(followUp.status()).isEqualTo(FollowUp.Status.CLOSED);
    }
}
