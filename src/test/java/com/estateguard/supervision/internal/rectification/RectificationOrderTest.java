package com.estateguard.supervision.internal.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.supervision.internal.sanctions.SanctionKind;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The order's transitions guard themselves: one answer, a re-check only after it, never by the one who answered. */
class RectificationOrderTest {

    private static final Instant AT = Instant.parse("2026-10-08T02:00:00Z");
    private static final CurrentUser ADMIN = new CurrentUser(7, "admin", "防疫管理员", Role.PREVENTION_ADMIN, "R/1/E3/", 3L, null);
    private static final CurrentUser STREET = new CurrentUser(8, "street", "街道", Role.STREET_AUTHORITY, "R/1/", null, null);

    private static RectificationOrder issued() {
        return new RectificationOrder(1L, 3, 11, OrderStatus.ISSUED, null, null, null, null, null, null, null, null, null, 0);
    }

    @Test
    void answeredOnceThenVerifiedByAnotherAuthority() {
        RectificationOrder order = issued();
        order.answer(ADMIN, AT);
        assertThatThrownBy(() -> order.answer(ADMIN, AT)).isInstanceOf(OrderAlreadyAnswered.class);
        order.recheck(STREET, 12, true, AT);
        assertThat(order.status()).isEqualTo(OrderStatus.VERIFIED);
        assertThatThrownBy(() -> order.recheck(STREET, 13, true, AT)).isInstanceOf(OrderNotAnswered.class);
    }

    @Test
    void aFailedRecheckIsRecordedAsSuch() {
        RectificationOrder order = issued();
        order.answer(ADMIN, AT);
        order.recheck(STREET, 12, false, AT);
        assertThat(order.status()).isEqualTo(OrderStatus.RECHECK_FAILED);
    }

    @Test
    void noRecheckBeforeTheAnswer() {
        assertThatThrownBy(() -> issued().recheck(STREET, 12, true, AT)).isInstanceOf(OrderNotAnswered.class);
    }

    @Test
    void theOneWhoAnsweredNeverVerifies() {
        CurrentUser associationMember = new CurrentUser(9, "assoc", "协会", Role.PROPERTY_ASSOCIATION, "R/1/", null, null);
        RectificationOrder order = issued();
        order.answer(associationMember, AT);
        assertThatThrownBy(() -> order.checkVerifier(associationMember)).isInstanceOf(VerifierAnsweredOrder.class)
                .hasMessage("spv.order.error.verifierAnswered");
        assertThat(order.status()).isEqualTo(OrderStatus.ANSWERED);
    }

    @Test
    void estateStaffNeverVerify() {
        RectificationOrder order = issued();
        order.answer(ADMIN, AT);
        CurrentUser manager = new CurrentUser(10, "pm", "项目经理", Role.PROJECT_MANAGER, "R/1/E3/", 3L, null);
        assertThatThrownBy(() -> order.recheck(manager, 12, true, AT)).isInstanceOf(VerifierNotAuthority.class);
    }

    @Test
    void sanctionsExpireByThePolicysYearsOrAtTheYearsEnd() {
        LocalDate on = LocalDate.of(2026, 10, 12);
        assertThat(SanctionKind.NO_NEW_BUSINESS.defaultExpiry(on, 2)).isEqualTo(LocalDate.of(2028, 10, 11));
        assertThat(SanctionKind.NO_AWARDS_THIS_YEAR.defaultExpiry(on, 2)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(SanctionKind.BLACKLIST.defaultExpiry(on, 2)).isNull();
    }
}
