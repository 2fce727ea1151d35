package com.estateguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tries at a credential are limited per client address and minute, on the login form and the API alike. */
@IntegrationTest
class LoginRateTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Value("${estateguard.security.login-rate.per-minute}")
    int perMinute;

    @Test
    void pastTheLimitTheLoginFormAnswers429UntilTheMinuteIsOverEvenForTheRightPassword() {
        TestData.Person guard = data.estate(PolicyPreset.BEIJING_2022).guard();
        String address = TestClient.newAddress();
        for (int i = 0; i < perMinute; i++) {
            assertThat(SignIn.attempt(port, address, "nobody-" + i, "guess").answer().status()).isEqualTo(302);
        }

        SignIn.Answer refused = SignIn.attempt(port, address, guard.username(), TestData.PASSWORD).answer();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().get("Retry-After")).singleElement()
                .satisfies(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, WINDOW.toSeconds()));
        assertThat(refused.body()).contains("此地址登录尝试过于频繁，请一分钟后再试");
        assertThat(SignIn.attempt(port, TestClient.newAddress(), guard.username(), TestData.PASSWORD).answer().location())
                .as("another address is not held back").endsWith(":" + port + "/");

        clock.advance(WINDOW);
        assertThat(SignIn.attempt(port, address, guard.username(), TestData.PASSWORD).answer().location()).endsWith(":" + port + "/");
    }

    @Test
    void pastTheLimitOfWrongApiKeysNoKeyFromThatAddressIsLookedAtUntilTheMinuteIsOver() {
        String rightKey = data.estate(PolicyPreset.BEIJING_2022).deviceKey();
        String address = TestClient.newAddress();
        for (int i = 0; i < perMinute; i++) {
            assertThat(api(address, "eg_wrong_" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = api(address, rightKey);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("API 密钥错误次数过多");
        assertThat(api(TestClient.newAddress(), rightKey).statusCode()).as("another address").isEqualTo(200);

        clock.advance(WINDOW);
        assertThat(api(address, rightKey).statusCode()).isEqualTo(200);
    }

    @Test
    void aRightApiKeySpendsNothingOfTheAllowance() {
        String rightKey = data.estate(PolicyPreset.BEIJING_2022).deviceKey();
        String address = TestClient.newAddress();
        for (int i = 0; i <= perMinute; i++) {
            assertThat(api(address, rightKey).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> api(String address, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/policy/current"))
                .header("X-Api-Key", key).header("X-Forwarded-For", address).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
