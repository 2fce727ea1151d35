package com.estateguard.healthdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.healthdata.HealthSource;
import com.estateguard.healthdata.PersonKeys;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Issue 8, finding 1: the demo health source (it makes up NAT results) exists in the demo profile
 * only. Outside it, not even {@code estateguard.demo.health-source=true} brings it back, and the
 * shipped settings leave it off.
 */
class DemoHealthSourceProfileTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PersonKeys.class, DemoHealthSource.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues("estateguard.person-key-secret=a-test-secret-that-is-long-enough-1234");

    @Test
    void outsideTheDemoProfileTheSwitchAloneDoesNotBringItBack() {
        context.withPropertyValues("estateguard.demo.health-source=true")
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    assertThat(app).doesNotHaveBean(HealthSource.class);
                });
    }

    @Test
    void inTheDemoProfileItIsThereAndLabelledDemo() {
        context.withPropertyValues("estateguard.demo.health-source=true")
                .withInitializer(app -> app.getEnvironment().setActiveProfiles("demo"))
                .run(app -> {
                    assertThat(app).hasSingleBean(HealthSource.class);
                    assertThat(app.getBean(HealthSource.class).demo()).isTrue();
                });
    }

    @Test
    void theShippedSettingsTurnItOnInTheDemoProfileOnly() throws IOException {
        assertThat(properties("application.properties").getProperty("estateguard.demo.health-source")).isEqualTo("false");
        assertThat(properties("application-demo.properties").getProperty("estateguard.demo.health-source")).isEqualTo("true");
    }

    private static Properties properties(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DemoHealthSourceProfileTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(in);
        }
        return p;
    }
}
