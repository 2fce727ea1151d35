package com.estateguard.residents.internal;

import com.estateguard.access.PassCheck;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The token in a pass's QR code: {@code EGP1.<claims>.<Ed25519 signature>}, base64url. Changing any
 * byte of the claims or the signature makes {@link #verify} return empty, so a forged or altered
 * pass is refused at the gate.
 */
public final class PassTokens {

    public static final String PREFIX = PassCheck.TOKEN_PREFIX;
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final KeyPair keys;

    public PassTokens(KeyPair keys) {
        this.keys = keys;
    }

    public String sign(PassClaims claims) {
        byte[] body = ByteBuffer.allocate(24).putLong(claims.passId()).putLong(claims.estateId())
                .putLong(claims.expiresAt().getEpochSecond()).array();
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(body);
            return PREFIX + ENC.encodeToString(body) + "." + ENC.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a genuine token; empty when it is malformed or its signature does not match. */
    public Optional<PassClaims> verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).trim().split("\\.");
        try {
            if (parts.length != 2) {
                return Optional.empty();
            }
            byte[] body = DEC.decode(parts[0]);
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(keys.getPublic());
            s.update(body);
            if (body.length != 24 || !s.verify(DEC.decode(parts[1]))) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(body);
            return Optional.of(new PassClaims(b.getLong(), b.getLong(), Instant.ofEpochSecond(b.getLong())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
