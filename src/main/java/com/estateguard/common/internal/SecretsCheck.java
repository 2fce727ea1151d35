package com.estateguard.common.internal;

import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;

/**
 * Outside demo mode (the {@code demo} profile) the application refuses to start while a
 * {@link Secret} is weak: with a shipped key, anyone who reads the database decrypts every ID number
 * and forges passes. It runs on the environment, after the configuration files are read and before
 * any bean, so nothing (not even the embedded database) starts with a known key. Registered in
 * {@code META-INF/spring.factories}; {@link UnsafeSecretsFailureAnalyzer} explains the refusal.
 */
public final class SecretsCheck implements EnvironmentPostProcessor, Ordered {

    /** The profile of demo mode: demo data, the demo health source and dev-only secrets. */
    public static final String DEMO_PROFILE = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(DEMO_PROFILE)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeSecrets(problems);
        }
    }

    /** One line for each weak secret, naming its setting; empty when every secret is good. */
    static List<String> problems(PropertyResolver environment) {
        return Secret.REQUIRED.stream()
                .flatMap(secret -> secret.weakness(environment).map(secret::describe).stream())
                .toList();
    }

    /** After the configuration files and profiles are read (ConfigDataEnvironmentPostProcessor). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
