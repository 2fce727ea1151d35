package com.estateguard.common.internal;

import java.util.List;

/** The application was about to start outside demo mode with a weak secret; each problem names its setting. */
final class UnsafeSecrets extends IllegalStateException {

    private final List<String> problems;

    UnsafeSecrets(List<String> problems) {
        super("EstateGuard refuses to start outside demo mode: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
