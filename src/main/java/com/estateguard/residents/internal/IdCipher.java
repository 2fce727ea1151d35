package com.estateguard.residents.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * ID numbers at rest: AES-256-GCM with a random nonce per value, so equal numbers do not look
 * equal in the table. The key is versioned so it can be rotated: {@code estateguard.crypto.id-keys.<n>}
 * holds version n and {@code estateguard.crypto.id-key-version} names the one new values are written
 * with (the highest when unset); the single {@code estateguard.crypto.id-key} is version 1.
 * A value is stored as {@code v<n>:<base64>}; one without a prefix was written before versions, with
 * version 1. Old values keep decrypting with their version's key until {@code reencrypt-ids} moves
 * them to the current one (docs/key-rotation.md).
 */
@Component
class IdCipher {

    static final String KEYS = "estateguard.crypto.id-keys";
    static final String LEGACY_KEY = "estateguard.crypto.id-key";
    static final String CURRENT = "estateguard.crypto.id-key-version";

    private static final int NONCE = 12;
    private final Map<Integer, SecretKeySpec> keys;
    private final int current;
    private final SecureRandom random = new SecureRandom();
    // One Cipher object per thread, re-initialised with a fresh nonce for every value (the key and
    // nonce are never reused); only the provider look-up is saved, which an import pays per row.
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(IdCipher::newCipher);

    @Autowired
    IdCipher(Environment environment) {
        this(secrets(environment), environment.getProperty(CURRENT, Integer.class));
    }

    /** Keys by version; {@code current} null for the highest. */
    IdCipher(Map<Integer, String> secrets, Integer current) {
        if (secrets.isEmpty()) {
            throw new IllegalStateException("No ID key: set " + LEGACY_KEY + " or " + KEYS + ".<version>");
        }
        Map<Integer, SecretKeySpec> derived = new TreeMap<>();
        secrets.forEach((version, secret) -> derived.put(version, derive(secret)));
        this.keys = Collections.unmodifiableMap(derived);
        this.current = current == null ? ((TreeMap<Integer, SecretKeySpec>) derived).lastKey() : current;
        if (!keys.containsKey(this.current)) {
            throw new IllegalStateException(CURRENT + "=" + this.current + " names no key: set " + KEYS + "." + this.current);
        }
    }

    /** The configured ID keys by version: {@code id-keys.<n>}, and the single {@code id-key} as version 1. */
    static Map<Integer, String> secrets(Environment environment) {
        Map<Integer, String> secrets = new TreeMap<>(Binder.get(environment)
                .bind(KEYS, Bindable.mapOf(Integer.class, String.class)).orElse(Map.of()));
        String legacy = environment.getProperty(LEGACY_KEY);
        if (legacy != null && !legacy.isBlank()) {
            String v1 = secrets.putIfAbsent(1, legacy);
            if (v1 != null && !v1.equals(legacy)) {
                throw new IllegalStateException(LEGACY_KEY + " is version 1 and differs from " + KEYS + ".1: set one of them");
            }
        }
        return secrets;
    }

    int currentVersion() {
        return current;
    }

    /** The key version a stored value was written with. */
    static int versionOf(String stored) {
        int colon = stored.indexOf(':');
        return stored.startsWith("v") && colon > 1 ? Integer.parseInt(stored.substring(1, colon)) : 1;
    }

    boolean isCurrent(String stored) {
        return stored.startsWith(prefix(current));
    }

    String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return prefix(current) + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String decrypt(String stored) {
        int version = versionOf(stored);
        SecretKeySpec key = keys.get(version);
        if (key == null) {
            throw new IllegalStateException("ID number written with key version " + version + ", which is not configured ("
                    + KEYS + "." + version + ")");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ID number cannot be decrypted with key version " + version, e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String prefix(int version) {
        return "v" + version + ":";
    }

    private static SecretKeySpec derive(String secret) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
