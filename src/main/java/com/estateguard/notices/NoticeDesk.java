package com.estateguard.notices;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateId;
import java.time.LocalDate;
import java.util.List;

/**
 * What other modules publish through the notices module (an incident's case notice and its risk
 * communication, EMG-10). Everything is de-identified or refused here, never by the caller: a case
 * notice keeps the surname and a mask and the building only; a message that carries an ID number,
 * a phone, a room or one of the names given is refused ({@code InvalidInputException}).
 */
public interface NoticeDesk {

    /** What is known of the case; {@code fullName} only becomes "X某". */
    record CaseDraft(CaseKind kind, String fullName, String building, LocalDate caseDate, String note) {
    }

    /** Publishes the de-identified case notice (病例公示); returns its id. */
    long publishCase(EstateId estate, CaseDraft draft, CurrentUser by);

    /**
     * Publishes a risk-communication message (健康教育和风险沟通) to residents on one of the estate's
     * channels, recorded in the publicity checklist with its text.
     *
     * @param names people the message must not name (the case, contacts)
     */
    void publishMessage(EstateId estate, PublicityChannel channel, String text, List<String> names, CurrentUser by);
}
