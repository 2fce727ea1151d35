package com.estateguard.residents.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's pass-signing keys, kept in the database (private key AES-GCM encrypted with the
 * ID key) so passes stay valid across restarts. The first is created on first use; {@link #rotate}
 * adds a key and retires the one in use. The newest key not retired signs; every key verifies the
 * passes it signed. Another process may rotate (the {@code rotate-pass-key} command), so signing
 * checks which key is in use, and a token naming a key not yet read reloads the keys.
 */
@Component
class PassKeys {

    private final JdbcClient jdbc;
    private final IdCipher cipher;
    private final Clock clock;
    private final TransactionTemplate tx;
    private static final Duration RELOAD_AFTER = Duration.ofSeconds(10);

    private volatile PassTokens tokens;
    private volatile Instant lastReload;

    PassKeys(JdbcClient jdbc, IdCipher cipher, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        // Its own writable transaction: the first use may come inside a read-only one (a gate check).
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The tokens signing with the key in use now. */
    PassTokens forSigning() {
        PassTokens current = tokens();
        Long inUse = jdbc.sql("SELECT max(id) FROM res_pass_key WHERE retired_at IS NULL").query(Long.class).single();
        if (inUse == null || inUse != current.signingKeyId()) {
            current = reload();
        }
        return current;
    }

    /**
     * The tokens verifying a token: reloaded first when it names a key not read yet, at most once
     * in {@link #RELOAD_AFTER}, so forged tokens naming made-up keys cannot keep the gate reloading.
     */
    PassTokens forVerifying(String token) {
        PassTokens current = tokens();
        var keyId = PassTokens.keyId(token);
        if (keyId.isEmpty() || current.knows(keyId.getAsLong())) {
            return current;
        }
        Instant now = clock.instant();
        if (lastReload != null && now.isBefore(lastReload.plus(RELOAD_AFTER)) && !now.isBefore(lastReload)) {
            return current;
        }
        return reload();
    }

    PassTokens tokens() {
        PassTokens current = tokens;
        return current == null ? reload() : current;
    }

    /** Generates a key that signs from now on and retires the one in use; returns the new key's id. */
    long rotate(String actor) {
        long id = tx.execute(s -> {
            jdbc.sql("LOCK TABLE res_pass_key IN EXCLUSIVE MODE").update();
            long created = insert(generate(), actor);
            jdbc.sql("UPDATE res_pass_key SET retired_at = :at, retired_by = :by WHERE retired_at IS NULL AND id <> :id")
                    .param("at", Timestamp.from(clock.instant())).param("by", actor).param("id", created).update();
            return created;
        });
        reload();
        return id;
    }

    /** Re-encrypts each private key not under the current ID key version with it; returns how many. */
    int reencrypt() {
        int moved = tx.execute(s -> {
            int n = 0;
            for (StoredKey key : jdbc.sql("SELECT id, public_key, private_cipher, retired_at IS NOT NULL AS retired FROM res_pass_key FOR UPDATE")
                    .query(StoredKey.class).list()) {
                if (!cipher.isCurrent(key.privateCipher())) {
                    n += jdbc.sql("UPDATE res_pass_key SET private_cipher = :c WHERE id = :id")
                            .param("c", cipher.encrypt(cipher.decrypt(key.privateCipher()))).param("id", key.id()).update();
                }
            }
            return n;
        });
        reload();
        return moved;
    }

    /** A stored key: the public key as X.509 bytes, the private key encrypted with the ID key. */
    record StoredKey(long id, byte[] publicKey, String privateCipher, boolean retired) {
    }

    private synchronized PassTokens reload() {
        PassTokens.Keys keys = tx.execute(s -> loadOrCreate());
        tokens = new PassTokens(keys);
        lastReload = clock.instant();
        return tokens;
    }

    private PassTokens.Keys loadOrCreate() {
        jdbc.sql("LOCK TABLE res_pass_key IN EXCLUSIVE MODE").update();
        List<StoredKey> stored = jdbc.sql("SELECT id, public_key, private_cipher, retired_at IS NOT NULL AS retired FROM res_pass_key ORDER BY id")
                .query(StoredKey.class).list();
        if (stored.isEmpty()) {
            insert(generate(), "system");
            return loadOrCreate();
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            Map<Long, PublicKey> verifying = new LinkedHashMap<>();
            for (StoredKey key : stored) {
                verifying.put(key.id(), factory.generatePublic(new X509EncodedKeySpec(key.publicKey())));
            }
            StoredKey inUse = stored.stream().filter(k -> !k.retired()).reduce((a, b) -> b).orElse(null);
            PrivateKey signing = inUse == null ? null : factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(cipher.decrypt(inUse.privateCipher()))));
            return new PassTokens.Keys(inUse == null ? -1 : inUse.id(), signing, verifying);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insert(KeyPair pair, String actor) {
        return jdbc.sql("INSERT INTO res_pass_key (public_key, private_cipher, created_by) VALUES (:pub, :priv, :by) RETURNING id")
                .param("pub", pair.getPublic().getEncoded())
                .param("priv", cipher.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())))
                .param("by", actor).query(Long.class).single();
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
