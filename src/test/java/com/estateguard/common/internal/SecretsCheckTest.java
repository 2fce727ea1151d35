package com.estateguard.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Application;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** Outside demo mode the application refuses to start with a missing, shipped or short secret. */
class SecretsCheckTest {

    private static final String GOOD_PERSON_KEY = "k7Qm2v9XzR4pL8tW1nB6cY3hJ5dF0sGa";
    private static final String GOOD_ID_KEY = "Zr8uN3qE6wT1yH9iO4pA7sD2fG5jK0lM";

    private final SecretsCheck check = new SecretsCheck();

    @Test
    void theApplicationWithoutSecretsRefusesToStartNamingEachSetting() {
        assertThatThrownBy(() -> start(Application.class, "", ""))
                .isInstanceOf(UnsafeSecrets.class)
                .hasMessageContaining("ESTATEGUARD_PERSON_KEY_SECRET (estateguard.person-key-secret) is not set")
                .hasMessageContaining("ESTATEGUARD_CRYPTO_ID_KEY (estateguard.crypto.id-key) is not set");
    }

    @Test
    void theRefusalIsExplainedWithWhatToSet() {
        UnsafeSecrets refusal = new UnsafeSecrets(SecretsCheck.problems(environment(null, GOOD_ID_KEY)));

        FailureAnalysis analysis = new UnsafeSecretsFailureAnalyzer().analyze(new IllegalStateException(refusal));

        assertThat(analysis.getDescription()).contains("ESTATEGUARD_PERSON_KEY_SECRET").doesNotContain("ESTATEGUARD_CRYPTO_ID_KEY");
        assertThat(analysis.getAction()).contains("at least 32 characters", "--spring.profiles.active=demo");
    }

    @Test
    void aShippedValueIsRefused() {
        for (String shipped : Secret.SHIPPED) {
            assertThat(SecretsCheck.problems(environment(shipped, shipped))).as(shipped).containsExactly(
                    "ESTATEGUARD_PERSON_KEY_SECRET (estateguard.person-key-secret) is a value shipped with EstateGuard, public in its source",
                    "ESTATEGUARD_CRYPTO_ID_KEY (estateguard.crypto.id-key) is a value shipped with EstateGuard, public in its source");
        }
    }

    @Test
    void everySecretInTheDemoProfileCountsAsShipped() throws IOException {
        Properties demo = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application-demo.properties")) {
            demo.load(in);
        }
        for (Secret secret : Secret.REQUIRED) {
            assertThat(Secret.SHIPPED).as(secret.property()).contains(demo.getProperty(secret.property()));
        }
    }

    @Test
    void aSecretShorterThan32CharactersIsRefused() {
        assertThat(SecretsCheck.problems(environment(GOOD_PERSON_KEY.substring(1), GOOD_ID_KEY))).containsExactly(
                "ESTATEGUARD_PERSON_KEY_SECRET (estateguard.person-key-secret) is shorter than 32 characters");
    }

    @Test
    void aBlankSecretIsMissing() {
        assertThat(SecretsCheck.problems(environment(GOOD_PERSON_KEY, "   "))).containsExactly(
                "ESTATEGUARD_CRYPTO_ID_KEY (estateguard.crypto.id-key) is not set");
    }

    @Test
    void goodSecretsPass() {
        assertThat(SecretsCheck.problems(environment(GOOD_PERSON_KEY, GOOD_ID_KEY))).isEmpty();
        assertThatNoException().isThrownBy(() -> start(Nothing.class, GOOD_PERSON_KEY, GOOD_ID_KEY).close());
    }

    @Test
    void theDemoProfileStartsWithoutSecrets() {
        MockEnvironment demo = environment(null, null);
        demo.setActiveProfiles(SecretsCheck.DEMO_PROFILE);

        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(demo, null));
        assertThatThrownBy(() -> check.postProcessEnvironment(environment(null, null), null)).isInstanceOf(UnsafeSecrets.class);
    }

    @Test
    void versionedIdKeysAreCheckedEachAndTheCurrentVersionMustHaveOne() {
        MockEnvironment versions = environment(GOOD_PERSON_KEY, null);
        versions.setProperty("estateguard.crypto.id-keys.2", GOOD_ID_KEY);
        assertThat(SecretsCheck.problems(versions)).as("version 2 alone, no single key").isEmpty();

        versions.setProperty("estateguard.crypto.id-keys.3", "short");
        versions.setProperty("estateguard.crypto.id-keys.4", "dev-only-id-key-change-me-in-production");
        versions.setProperty("estateguard.crypto.id-key-version", "5");
        assertThat(SecretsCheck.problems(versions)).containsExactly(
                "ESTATEGUARD_CRYPTO_IDKEYS_3 (estateguard.crypto.id-keys.3) is shorter than 32 characters",
                "ESTATEGUARD_CRYPTO_IDKEYS_4 (estateguard.crypto.id-keys.4) is a value shipped with EstateGuard, public in its source",
                "ESTATEGUARD_CRYPTO_IDKEYVERSION (estateguard.crypto.id-key-version) names version 5, which has no key:"
                        + " set ESTATEGUARD_CRYPTO_IDKEYS_5 (estateguard.crypto.id-keys.5)");
    }

    @Test
    void theSingleIdKeyBesideVersionsIsStillChecked() {
        MockEnvironment both = environment(GOOD_PERSON_KEY, "change-me-in-production-estateguard");
        both.setProperty("estateguard.crypto.id-keys.2", GOOD_ID_KEY);
        both.setProperty("estateguard.crypto.id-key-version", "1");

        assertThat(SecretsCheck.problems(both)).containsExactly(
                "ESTATEGUARD_CRYPTO_ID_KEY (estateguard.crypto.id-key) is a value shipped with EstateGuard, public in its source");
    }

    private static MockEnvironment environment(String personKey, String idKey) {
        MockEnvironment environment = new MockEnvironment();
        if (personKey != null) {
            environment.setProperty(Secret.PERSON_KEY.property(), personKey);
        }
        if (idKey != null) {
            environment.setProperty(Secret.ID_KEY.property(), idKey);
        }
        return environment;
    }

    /** A real start, as {@code java -jar} does it; the check runs before any bean is made. */
    private static ConfigurableApplicationContext start(Class<?> source, String personKey, String idKey) {
        return new SpringApplicationBuilder(source).web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.main.banner-mode=off", "--logging.level.root=WARN", "--estateguard.person-key-secret=" + personKey,
                        "--estateguard.crypto.id-key=" + idKey);
    }

    /** An application of no beans, so that a start with good secrets is quick. */
    static class Nothing {
    }
}
