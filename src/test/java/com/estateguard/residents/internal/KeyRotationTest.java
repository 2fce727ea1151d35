package com.estateguard.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.PassCheck;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.ResidentsTestData;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Key rotation (issue 8): the ID key moves to a new version and {@code reencrypt-ids} moves every
 * stored ID number and the wrapped signing keys to it, once; a new pass-signing key signs new
 * passes while the passes the old key signed keep verifying.
 */
@IntegrationTest
class KeyRotationTest {

    static final String V2 = "second-id-key-for-the-rotation-test-0123456789";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Environment environment;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;
    @Autowired
    Passes passes;
    @Autowired
    PassKeys passKeys;
    @Autowired
    ResidentRegister register;

    @Test
    void reencryptingMovesEveryIdNumberAndSigningKeyToTheNewVersionOnce() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var resident = residents.resident(estate, "2", "1", "201", "轮换甲");
        passKeys.tokens();
        String v1 = environment.getProperty("estateguard.crypto.id-key");
        IdCipher rotated = new IdCipher(Map.of(1, v1, 2, V2), 2);
        IdCipher back = new IdCipher(Map.of(1, v1, 2, V2), 1);
        try {
            IdReencryption.Moved first = reencryption(rotated).toCurrentKey();

            assertThat(first.idNumbers()).isPositive();
            assertThat(first.signingKeys()).isPositive();
            assertThat(jdbc.sql("SELECT count(*) FROM res_person WHERE id_cipher NOT LIKE 'v2:%'").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM res_pass_key WHERE private_cipher NOT LIKE 'v2:%'").query(Long.class).single()).isZero();
            IdCipher onlyV2 = new IdCipher(Map.of(2, V2), 2);
            assertThat(onlyV2.decrypt(cipherOf(resident.id()))).isEqualTo(resident.idNumber());
            assertThat(reencryption(rotated).toCurrentKey()).as("a second run").isEqualTo(new IdReencryption.Moved(0, 0));
        } finally {
            // Back to version 1, the key the rest of the tests' application reads with.
            reencryption(back).toCurrentKey();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM res_person WHERE id_cipher LIKE 'v2:%'").query(Long.class).single()).isZero();
        assertThat(register.fullIdNumber(resident.id(), "密钥轮换核对", estate.admin().user())).isEqualTo(resident.idNumber());
    }

    @Test
    void aNewSigningKeySignsNewPassesAndTheOldOnesStillVerify() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var pass = passes.issue(residents.resident(estate, "3", "1", "301", "轮换乙").id(), estate.admin().user());
        String before = passes.token(pass);
        long oldKey = PassTokens.keyId(before).orElseThrow();

        long newKey = passKeys.rotate("test");
        String after = passes.token(pass);

        assertThat(newKey).isGreaterThan(oldKey);
        assertThat(PassTokens.keyId(after)).hasValue(newKey);
        EstateId at = new EstateId(estate.id());
        assertThat(passes.verify(before, at, clock.instant()).valid()).as("signed by the retired key").isTrue();
        assertThat(passes.verify(after, at, clock.instant()).valid()).isTrue();
        assertThat(jdbc.sql("SELECT retired_at IS NOT NULL FROM res_pass_key WHERE id = :id").param("id", oldKey)
                .query(Boolean.class).single()).as("the old key is retired").isTrue();
        assertThat(passKeys.forSigning().signingKeyId()).isEqualTo(newKey);
        assertThat(passes.verify(withKeyId(after, oldKey), at, clock.instant()).failure()).isEqualTo(PassCheck.Failure.FORGED);
    }

    private IdReencryption reencryption(IdCipher cipher) {
        PassKeys keys = new PassKeys(jdbc, cipher, clock, transactions);
        return new IdReencryption(jdbc, cipher, keys, transactions, 7);
    }

    private String cipherOf(long personId) {
        return jdbc.sql("SELECT id_cipher FROM res_person WHERE id = :id").param("id", personId).query(String.class).single();
    }

    private static String withKeyId(String token, long keyId) {
        String[] parts = token.substring(PassTokens.PREFIX.length()).split("\\.");
        byte[] body = Base64.getUrlDecoder().decode(parts[0]);
        ByteBuffer.wrap(body).putLong(0, keyId);
        return PassTokens.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(body) + "." + parts[1];
    }
}
