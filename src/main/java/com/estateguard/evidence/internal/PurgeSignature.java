package com.estateguard.evidence.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signatures of the purge log (清理记录签名): a header under one key, an estate's part under another,
 * both derived from the platform's secret, so neither passes for the other. A part's signature covers its purge and its
 * estate beside its text, so it cannot be moved to another purge or estate.
 */
final class PurgeSignature {

    private static final String HEADER = "estateguard evidence purge summary v1";
    private static final String PART = "estateguard evidence purge part v1";

    private final String secret;

    PurgeSignature(String secret) {
        this.secret = secret;
    }

    String ofHeader(String text) {
        return sign(HEADER, text);
    }

    String ofPart(long purge, long estateId, String text) {
        return sign(PART, purge + "\n" + estateId + "\n" + text);
    }

    /** Compared in constant time. */
    static boolean holds(String expected, String stored) {
        return stored != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String domain, String text) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("estateguard.crypto.id-key (or estateguard.evidence.summary-key) is not set");
        }
        byte[] key = hmac(secret.getBytes(StandardCharsets.UTF_8), domain);
        return HexFormat.of().formatHex(hmac(key, text));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
