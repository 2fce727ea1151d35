package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.PassCheck;
import com.estateguard.residents.internal.PassClaims;
import com.estateguard.residents.internal.PassTokens;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Pass tokens: a genuine token verifies; any changed byte, another key or garbage does not. */
class PassTokensTest {

    private final PassTokens tokens = new PassTokens(generate());
    private final PassClaims claims = new PassClaims(42, 7, Instant.parse("2026-12-31T16:00:00Z"));

    @Test
    void aGenuineTokenGivesBackItsClaims() {
        assertThat(tokens.verify(tokens.sign(claims))).contains(claims);
    }

    @Test
    void changingAnyByteOfTheClaimsOrTheSignatureFails() {
        String token = tokens.sign(claims);
        String[] parts = token.substring(PassTokens.PREFIX.length()).split("\\.");
        for (int part = 0; part < 2; part++) {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[part]);
            for (int i = 0; i < bytes.length; i++) {
                byte[] changed = bytes.clone();
                changed[i] ^= 0x01;
                String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
                String altered = PassTokens.PREFIX + (part == 0 ? encoded + "." + parts[1] : parts[0] + "." + encoded);
                assertThat(tokens.verify(altered)).as("byte %d of part %d", i, part).isEmpty();
            }
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyOrMalformedIsRejected() {
        assertThat(new PassTokens(generate()).verify(tokens.sign(claims))).isEmpty();
        assertThat(tokens.verify("EGP1.abc")).isEmpty();
        assertThat(tokens.verify("EGP1.!!!.???")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(PassCheck.looksLikePass(tokens.sign(claims))).isTrue();
        assertThat(tokens.sign(claims).length()).isLessThanOrEqualTo(160);
    }

    private static java.security.KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
