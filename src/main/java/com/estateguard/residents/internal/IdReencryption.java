package com.estateguard.residents.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every stored ID number, and the wrapped pass-signing keys, to the current ID key version
 * (the {@code reencrypt-ids} command, docs/key-rotation.md). It works in batches, each its own
 * transaction, so a large register is not locked at once and a stop part-way loses nothing: a
 * value is only ever rewritten from its own version to the current one, so running it again
 * moves only what is left and a second run changes nothing. The keyed hash of ID numbers (the
 * person key) is not an encryption and does not change.
 */
@Component
class IdReencryption {

    private static final Logger log = LoggerFactory.getLogger(IdReencryption.class);

    private final JdbcClient jdbc;
    private final IdCipher cipher;
    private final PassKeys passKeys;
    private final TransactionTemplate tx;
    private final int batchSize;

    IdReencryption(JdbcClient jdbc, IdCipher cipher, PassKeys passKeys, PlatformTransactionManager transactions,
                   @Value("${estateguard.crypto.reencrypt-batch-size:500}") int batchSize) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.passKeys = passKeys;
        this.tx = new TransactionTemplate(transactions);
        this.batchSize = batchSize;
    }

    record Moved(int idNumbers, int signingKeys) {
    }

    /** Re-encrypts what is not under the current key version yet; returns how many values moved. */
    Moved toCurrentKey() {
        int total = 0;
        int moved;
        long after = 0;
        do {
            long from = after;
            Batch batch = tx.execute(s -> batch(from));
            moved = batch.moved();
            after = batch.lastId();
            total += moved;
            if (moved > 0) {
                log.info("Re-encrypted {} ID numbers to key version {} (up to person {})", total, cipher.currentVersion(), after);
            }
        } while (after > 0);
        int keys = passKeys.reencrypt();
        log.info("Re-encryption to key version {} done: {} ID numbers, {} pass-signing keys", cipher.currentVersion(), total, keys);
        return new Moved(total, keys);
    }

    private record Batch(int moved, long lastId) {
    }

    private record Row(long id, String idCipher) {
    }

    /** The next batch of people whose ID number is not under the current version, after the given id. */
    private Batch batch(long after) {
        List<Row> rows = jdbc.sql("""
                        SELECT id, id_cipher FROM res_person WHERE id > :after AND id_cipher NOT LIKE :current
                         ORDER BY id LIMIT :n FOR UPDATE""")
                .param("after", after).param("current", "v" + cipher.currentVersion() + ":%").param("n", batchSize)
                .query(Row.class).list();
        int moved = 0;
        for (Row row : rows) {
            moved += jdbc.sql("UPDATE res_person SET id_cipher = :c WHERE id = :id AND id_cipher = :old")
                    .param("c", cipher.encrypt(cipher.decrypt(row.idCipher()))).param("id", row.id())
                    .param("old", row.idCipher()).update();
        }
        return new Batch(moved, rows.isEmpty() ? 0 : rows.get(rows.size() - 1).id());
    }
}
