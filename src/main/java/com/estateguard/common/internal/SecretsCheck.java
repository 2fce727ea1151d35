package com.estateguard.common.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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

    /**
     * One line for each weak secret, naming its setting; empty when every secret is good. The ID
     * key may be given as versions ({@code id-keys.<n>}, for rotation): then each version must be
     * good, the single {@code id-key} only if it is set, and {@code id-key-version} must name a
     * configured version.
     */
    static List<String> problems(PropertyResolver environment) {
        Map<String, String> versions = idKeyVersions(environment);
        List<String> problems = new ArrayList<>();
        for (Secret secret : Secret.REQUIRED) {
            boolean optional = secret == Secret.ID_KEY && !versions.isEmpty()
                    && environment.getProperty(secret.property(), "").isBlank();
            if (!optional) {
                secret.weakness(environment).map(secret::describe).ifPresent(problems::add);
            }
        }
        versions.keySet().stream().sorted().map(Secret::idKey)
                .forEach(secret -> secret.weakness(environment).map(secret::describe).ifPresent(problems::add));
        String current = environment.getProperty(Secret.ID_KEY_VERSION, "").strip();
        boolean legacy = !environment.getProperty(Secret.ID_KEY.property(), "").isBlank();
        if (!current.isEmpty() && !versions.containsKey(current) && !("1".equals(current) && legacy)) {
            problems.add("ESTATEGUARD_CRYPTO_IDKEYVERSION (" + Secret.ID_KEY_VERSION + ") names version " + current
                    + ", which has no key: set " + Secret.idKey(current).variable() + " (" + Secret.idKey(current).property() + ")");
        }
        return problems;
    }

    private static Map<String, String> idKeyVersions(PropertyResolver environment) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return Map.of();
        }
        return new TreeMap<>(Binder.get(configurable).bind(Secret.ID_KEYS, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    /** After the configuration files and profiles are read (ConfigDataEnvironmentPostProcessor). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
