package com.estateguard.notices.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.notices.NoticeDesk;
import com.estateguard.notices.PublicityChannel;
import com.estateguard.org.EstateId;
import java.util.List;
import org.springframework.stereotype.Service;

/** Implements {@link NoticeDesk} with the module's own de-identification ({@link PublicNotice}). */
@Service
class NoticeDeskService implements NoticeDesk {

    static final int MAX_MESSAGE = 200;

    private final CaseNotices notices;
    private final Publicity publicity;

    NoticeDeskService(CaseNotices notices, Publicity publicity) {
        this.notices = notices;
        this.publicity = publicity;
    }

    @Override
    public long publishCase(EstateId estate, CaseDraft draft, CurrentUser by) {
        if (draft.kind() == null) {
            throw new InvalidInputException("ntc.error.kind");
        }
        if (draft.caseDate() == null) {
            throw new InvalidInputException("ntc.error.date");
        }
        return notices.publish(estate.value(), new CaseNotices.NoticeForm(draft.kind(), draft.fullName(), draft.building(),
                draft.caseDate(), draft.note()), by);
    }

    @Override
    public void publishMessage(EstateId estate, PublicityChannel channel, String text, List<String> names, CurrentUser by) {
        String message = text == null ? "" : text.strip();
        if (channel == null) {
            throw new InvalidInputException("pub.error.channel");
        }
        if (message.isEmpty() || message.length() > MAX_MESSAGE) {
            throw new InvalidInputException("ntc.error.message");
        }
        if (PublicNotice.identifiesAny(message, names)) {
            throw new InvalidInputException("ntc.error.messageIdentifies");
        }
        publicity.publicised(estate.value(), new Publicity.PublicityForm(channel, publicity.today(), message), by);
    }
}
