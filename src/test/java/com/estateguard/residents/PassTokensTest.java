package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.PassCheck;
import com.estateguard.residents.internal.PassClaims;
import com.estateguard.residents.internal.PassTokens;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.nio.ByteBuffer;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
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

    @Test
    void aTokenCarriesTheIdOfItsKeyAndVerifiesWithThatKeyAfterANewerKeySigns() throws Exception {
        var first = generate();
        var second = generate();
        var before = new PassTokens(1, first.getPrivate(), Map.of(1L, first.getPublic()));
        var after = new PassTokens(2, second.getPrivate(), Map.of(1L, first.getPublic(), 2L, second.getPublic()));

        String old = before.sign(claims);
        String fresh = after.sign(claims);

        assertThat(PassTokens.keyId(old)).hasValue(1);
        assertThat(PassTokens.keyId(fresh)).hasValue(2);
        assertThat(after.verify(old)).contains(claims);
        assertThat(after.verify(fresh)).contains(claims);
        assertThat(before.verify(fresh)).as("a key the verifier does not have").isEmpty();
    }

    @Test
    void aTamperedKeyIdIsRefused() {
        var first = generate();
        var second = generate();
        var tokens = new PassTokens(2, second.getPrivate(), Map.of(1L, first.getPublic(), 2L, second.getPublic()));
        String[] parts = tokens.sign(claims).substring(PassTokens.PREFIX.length()).split("\\.");
        byte[] body = Base64.getUrlDecoder().decode(parts[0]);

        for (long kid : new long[]{1, 3, -1}) {
            ByteBuffer.wrap(body).putLong(0, kid);
            String altered = PassTokens.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(body) + "." + parts[1];
            assertThat(tokens.verify(altered)).as("key id %d", kid).isEmpty();
        }
    }

    @Test
    void aTokenFromBeforeKeyVersionsVerifiesWithTheFirstKeyOnly() throws Exception {
        var first = generate();
        var second = generate();
        byte[] body = ByteBuffer.allocate(24).putLong(claims.passId()).putLong(claims.estateId())
                .putLong(claims.expiresAt().getEpochSecond()).array();
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(first.getPrivate());
        s.update(body);
        var enc = Base64.getUrlEncoder().withoutPadding();
        String legacy = PassTokens.PREFIX + enc.encodeToString(body) + "." + enc.encodeToString(s.sign());

        assertThat(new PassTokens(2, second.getPrivate(), Map.of(1L, first.getPublic(), 2L, second.getPublic())).verify(legacy))
                .contains(claims);
        assertThat(new PassTokens(2, second.getPrivate(), Map.of(2L, second.getPublic())).verify(legacy)).isEmpty();
    }

    @Test
    void withEveryKeyRetiredNothingIsSigned() {
        var first = generate();
        var retired = new PassTokens(-1, null, Map.of(1L, first.getPublic()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> retired.sign(claims)).isInstanceOf(IllegalStateException.class);
    }
}
