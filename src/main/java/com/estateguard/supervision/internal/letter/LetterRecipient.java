package com.estateguard.supervision.internal.letter;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One office a letter is addressed to, and whether it has signed. Only the head of that very office
 * signs, once; reminders are counted here and each one kept as a row of its own. Two heads (or a
 * head and a reminder) at once: the version makes one win.
 */
@Table("sup_letter_recipient")
public class LetterRecipient {

    @Id
    private final Long id;
    private final long letterId;
    private final long companyId;
    private final String companyName;
    private final String companyPath;
    private final SignerBasis basis;
    private Instant signedAt;
    private int reminders;
    @Version
    private Integer version;

    LetterRecipient(Long id, long letterId, long companyId, String companyName, String companyPath, SignerBasis basis,
                    Instant signedAt, int reminders, Integer version) {
        this.id = id;
        this.letterId = letterId;
        this.companyId = companyId;
        this.companyName = companyName;
        this.companyPath = companyPath;
        this.basis = basis;
        this.signedAt = signedAt;
        this.reminders = reminders;
        this.version = version;
    }

    static LetterRecipient addressed(long letterId, Addressees.Addressee to) {
        return new LetterRecipient(null, letterId, to.office().id(), to.office().name(), to.office().path(), to.basis(), null, 0, null);
    }

    /** The head of this office signs; anyone else, or a second signature, is refused. */
    void sign(CurrentUser signer, Instant now) {
        if (!isSigner(signer)) {
            throw new NotTheSigner(companyName);
        }
        if (signedAt != null) {
            throw new LetterAlreadySigned(companyName);
        }
        signedAt = now;
    }

    /** A reminder is for an office that has not signed. */
    void remind() {
        if (signedAt != null) {
            throw new LetterAlreadySigned(companyName);
        }
        reminders++;
    }

    public boolean isSigner(CurrentUser user) {
        return user.role() == Role.COMPANY_HEAD && companyPath.equals(user.scopePath());
    }

    public Long id() {
        return id;
    }

    public long letterId() {
        return letterId;
    }

    public String companyName() {
        return companyName;
    }

    public String companyPath() {
        return companyPath;
    }

    public Instant signedAt() {
        return signedAt;
    }
}
