package com.estateguard.audit;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import java.util.regex.Pattern;

/**
 * One audited act. {@code estateId} places it in an estate (who may read it follows from there);
 * without one, {@code scopePath} does (e.g. a street user's export of all its estates, or a sign-in
 * of an authority). The subject is always masked: an ID number inside it is replaced by its mask.
 * {@code clientIp} may be left null: the trail takes the current request's address.
 */
public record AuditEntry(AuditAction action, Long actorId, String actorName, Long estateId, String scopePath,
                         String subject, Integer rowCount, Boolean masked, String reason, String clientIp) {

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    private static final int MAX_TEXT = 200;

    public AuditEntry {
        subject = clip(masked(subject));
        reason = clip(reason == null || reason.isBlank() ? null : reason.strip());
        actorName = clip(actorName);
    }

    /** An act of a signed-in person (or device), placed in their own scope until {@link #inEstate} says otherwise. */
    public static AuditEntry by(CurrentUser who, AuditAction action, String subject) {
        return new AuditEntry(action, who.id(), who.actor(), who.estateId(), who.scopePath(), subject, null, null, null, null);
    }

    public AuditEntry inEstate(Long estate) {
        return estate == null ? this
                : new AuditEntry(action, actorId, actorName, estate, scopePath, subject, rowCount, masked, reason, clientIp);
    }

    public AuditEntry export(int rows, boolean maskedIds, String why) {
        return new AuditEntry(action, actorId, actorName, estateId, scopePath, subject, rows, maskedIds, why, clientIp);
    }

    public AuditEntry because(String why) {
        return new AuditEntry(action, actorId, actorName, estateId, scopePath, subject, rowCount, masked, why, clientIp);
    }

    /** Any ID number in the text replaced by its mask (1101**********1234): the trail never holds one whole. */
    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        return ID_NUMBER.matcher(text).replaceAll(m -> IdNumber.mask(m.group()));
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
