package com.estateguard.common.internal;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator which secrets to set, in Spring Boot's "APPLICATION FAILED TO START" report. */
public final class UnsafeSecretsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSecrets> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSecrets cause) {
        String description = cause.problems().stream().map(problem -> "    - " + problem)
                .collect(Collectors.joining("\n", "EstateGuard refuses to start outside demo mode with these secrets:\n", ""));
        String action = """
                Set each to a long random secret of your own (at least %d characters, e.g. `openssl rand -base64 48`), \
                as an environment variable or a property, and keep it: stored ID numbers and issued passes \
                can only be read with the key they were written with.
                To try EstateGuard with demo data and dev-only secrets instead, start it with the demo profile \
                (./mvnw spring-boot:run, or --spring.profiles.active=demo).""".formatted(Secret.MIN_LENGTH);
        return new FailureAnalysis(description, action, cause);
    }
}
