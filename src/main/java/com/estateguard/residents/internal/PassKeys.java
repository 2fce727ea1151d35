package com.estateguard.residents.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's pass-signing key pair, kept in the database (private key AES-GCM encrypted with
 * the ID key) so passes stay valid across restarts. Created on first use.
 */
@Component
class PassKeys {

    private final JdbcClient jdbc;
    private final IdCipher cipher;
    private final TransactionTemplate tx;
    private volatile PassTokens tokens;

    PassKeys(JdbcClient jdbc, IdCipher cipher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        // Its own writable transaction: the first use may come inside a read-only one (a gate check).
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    PassTokens tokens() {
        if (tokens == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = new PassTokens(tx.execute(s -> loadOrCreate()));
                }
            }
        }
        return tokens;
    }

    /** The stored key pair: the public key as X.509 bytes, the private key encrypted with the ID key. */
    record StoredKey(byte[] publicKey, String privateCipher) {
    }

    private KeyPair loadOrCreate() {
        jdbc.sql("LOCK TABLE res_pass_key IN EXCLUSIVE MODE").update();
        var stored = jdbc.sql("SELECT public_key, private_cipher FROM res_pass_key ORDER BY id LIMIT 1")
                .query(StoredKey.class).optional();
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (stored.isPresent()) {
                byte[] priv = Base64.getDecoder().decode(cipher.decrypt(stored.get().privateCipher()));
                return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(stored.get().publicKey())),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(priv)));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            jdbc.sql("INSERT INTO res_pass_key (public_key, private_cipher, created_by) VALUES (:pub, :priv, 'system')")
                    .param("pub", pair.getPublic().getEncoded())
                    .param("priv", cipher.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))).update();
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
