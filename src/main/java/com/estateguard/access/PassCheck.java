package com.estateguard.access;

import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint's port for a resident pass (ACC-04): a scanned token is genuine (signature), not
 * revoked, not expired and for this estate, or it is refused with the reason; and, without a pass,
 * whether the person is in the estate's residents register. The checkpoint owns
 * this interface; the module that issues passes implements it.
 */
public interface PassCheck {

    /** Every pass token starts with this, so the gate knows to verify it rather than look it up. */
    String TOKEN_PREFIX = "EGP1.";

    enum Failure { FORGED, REVOKED, EXPIRED, OTHER_ESTATE }

    /** The outcome for one scanned token; {@code failure} is null when the pass is good. */
    record Result(Failure failure, Long passId, String personName, String personKey, String idMasked,
                  boolean accessControl) {
        public boolean valid() {
            return failure == null;
        }

        public String reference() {
            return passId == null ? "pass:forged" : "pass:" + passId;
        }
    }

    /** True for text that looks like a pass token (so the gate knows to verify it). */
    static boolean looksLikePass(String text) {
        return text != null && text.trim().startsWith(TOKEN_PREFIX);
    }

    Result verify(String token, EstateId estate, Instant at);

    /**
     * Whether the person (their person key, the keyed hash of the ID number) is in the estate's
     * residents register: a RESIDENT or TENANT without a valid pass must resolve to one (ACC-04).
     */
    boolean registered(EstateId estate, String personKey);

    /**
     * What an offline gate needs to verify passes on the device (issue 11): every verifying public key
     * by its id (X.509 SubjectPublicKeyInfo, base64; Ed25519), the id of the key that verifies tokens
     * naming none, and the ids of this estate's passes revoked and not yet expired at {@code at}.
     */
    record OfflineVerification(long firstKeyId, Map<Long, String> publicKeys, List<Long> revokedPassIds) {
    }

    OfflineVerification offlineVerification(EstateId estate, Instant at);
}
