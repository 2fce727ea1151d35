package com.estateguard.residents.internal;

import com.estateguard.access.PassCheck;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The token in a pass's QR code: {@code EGP1.<claims>.<Ed25519 signature>}, base64url. The claims
 * start with the id of the signing key, so a pass keeps verifying with its own key after a newer
 * key signs new passes; the key id is signed with the rest. A token from before key versions has
 * no key id (24 bytes of claims) and is verified with the first key. Changing any byte of the
 * claims (the key id too) or the signature makes {@link #verify} return empty, so a forged or
 * altered pass is refused at the gate.
 */
public final class PassTokens {

    public static final String PREFIX = PassCheck.TOKEN_PREFIX;
    private static final int LEGACY_BODY = 24;
    private static final int BODY = 32;
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final long signingKeyId;
    private final PrivateKey signingKey;
    private final Map<Long, PublicKey> verifying;
    private final long firstKeyId;

    /** One key pair, key id 1: the only key there was before key versions. */
    public PassTokens(KeyPair keys) {
        this(1, keys.getPrivate(), Map.of(1L, keys.getPublic()));
    }

    /**
     * Signs with the given key; verifies with every key by its id (the lowest id verifies tokens
     * without one). A null {@code signingKey} signs nothing: every key is retired.
     */
    public PassTokens(long signingKeyId, PrivateKey signingKey, Map<Long, PublicKey> verifying) {
        this(new Keys(signingKeyId, signingKey, verifying));
    }

    PassTokens(Keys keys) {
        this.signingKeyId = keys.signingKeyId();
        this.signingKey = keys.signingKey();
        this.verifying = Map.copyOf(keys.verifying());
        Map<Long, PublicKey> verifying = keys.verifying();
        this.firstKeyId = verifying.keySet().stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    public long signingKeyId() {
        return signingKeyId;
    }

    public String sign(PassClaims claims) {
        if (signingKey == null) {
            throw new IllegalStateException("No pass-signing key in use: generate one (docs/key-rotation.md)");
        }
        byte[] body = ByteBuffer.allocate(BODY).putLong(signingKeyId).putLong(claims.passId()).putLong(claims.estateId())
                .putLong(claims.expiresAt().getEpochSecond()).array();
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signingKey);
            s.update(body);
            return PREFIX + ENC.encodeToString(body) + "." + ENC.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the key a token says it was signed with, unverified; empty when it names none or is malformed. */
    public static OptionalLong keyId(String token) {
        try {
            String[] parts = parts(token);
            byte[] body = parts == null ? new byte[0] : DEC.decode(parts[0]);
            return body.length == BODY ? OptionalLong.of(ByteBuffer.wrap(body).getLong()) : OptionalLong.empty();
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /** The claims of a genuine token; empty when it is malformed, names no known key or its signature does not match. */
    public Optional<PassClaims> verify(String token) {
        String[] parts = parts(token);
        if (parts == null) {
            return Optional.empty();
        }
        try {
            byte[] body = DEC.decode(parts[0]);
            if (body.length != BODY && body.length != LEGACY_BODY) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(body);
            PublicKey key = verifying.get(body.length == BODY ? b.getLong() : firstKeyId);
            if (key == null) {
                return Optional.empty();
            }
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(body);
            if (!s.verify(DEC.decode(parts[1]))) {
                return Optional.empty();
            }
            return Optional.of(new PassClaims(b.getLong(), b.getLong(), Instant.ofEpochSecond(b.getLong())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static String[] parts(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = token.substring(PREFIX.length()).trim().split("\\.");
        return parts.length == 2 ? parts : null;
    }

    /** The key in use to sign (null: none) and every key that verifies, by id. */
    record Keys(long signingKeyId, PrivateKey signingKey, Map<Long, PublicKey> verifying) {
    }

    /** Every verifying key by id, X.509-encoded and base64. */
    Map<Long, String> encodedVerifyingKeys() {
        var encoded = new java.util.TreeMap<Long, String>();
        verifying.forEach((id, key) -> encoded.put(id, Base64.getEncoder().encodeToString(key.getEncoded())));
        return encoded;
    }

    /** The key that verifies tokens naming none (from before key versions). */
    long firstKeyId() {
        return firstKeyId;
    }

    boolean knows(long keyId) {
        return verifying.containsKey(keyId);
    }
}
