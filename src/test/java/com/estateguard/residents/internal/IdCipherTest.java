package com.estateguard.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** ID key versions: new values carry the current version, old ones decrypt with their own key. */
class IdCipherTest {

    static final String V1 = "first-id-key-of-at-least-32-characters-000";
    static final String V2 = "second-id-key-of-at-least-32-characters-00";
    static final String ID = "11010519491231002X";

    @Test
    void aValueWrittenWithVersionOneStillDecryptsAfterRotatingToVersionTwo() {
        String before = new IdCipher(Map.of(1, V1), null).encrypt(ID);
        IdCipher rotated = new IdCipher(Map.of(1, V1, 2, V2), 2);

        String after = rotated.encrypt(ID);

        assertThat(before).startsWith("v1:");
        assertThat(after).startsWith("v2:");
        assertThat(rotated.decrypt(before)).isEqualTo(ID);
        assertThat(rotated.decrypt(after)).isEqualTo(ID);
        assertThat(rotated.isCurrent(before)).isFalse();
        assertThat(rotated.isCurrent(after)).isTrue();
    }

    @Test
    void aValueFromBeforeVersionsIsVersionOne() {
        String unversioned = new IdCipher(Map.of(1, V1), 1).encrypt(ID).substring("v1:".length());

        assertThat(IdCipher.versionOf(unversioned)).isEqualTo(1);
        assertThat(new IdCipher(Map.of(1, V1, 2, V2), 2).decrypt(unversioned)).isEqualTo(ID);
    }

    @Test
    void aVersionWithoutItsKeyIsNamed() {
        String v2 = new IdCipher(Map.of(2, V2), 2).encrypt(ID);

        assertThatThrownBy(() -> new IdCipher(Map.of(1, V1), 1).decrypt(v2)).hasMessageContaining("key version 2");
        assertThatThrownBy(() -> new IdCipher(Map.of(1, V1), 3)).hasMessageContaining("estateguard.crypto.id-key-version=3");
        assertThatThrownBy(() -> new IdCipher(Map.of(1, V2), 1).decrypt(new IdCipher(Map.of(1, V1), 1).encrypt(ID)))
                .as("the wrong key for the version").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSingleKeyIsVersionOneAndTheHighestVersionIsCurrentUnlessOneIsNamed() {
        MockEnvironment environment = new MockEnvironment().withProperty("estateguard.crypto.id-key", V1)
                .withProperty("estateguard.crypto.id-keys.2", V2);

        assertThat(IdCipher.secrets(environment)).isEqualTo(Map.of(1, V1, 2, V2));
        assertThat(new IdCipher(environment).currentVersion()).isEqualTo(2);
        assertThat(new IdCipher(environment.withProperty("estateguard.crypto.id-key-version", "1")).currentVersion()).isEqualTo(1);
    }
}
