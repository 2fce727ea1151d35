package com.estateguard.emergency.internal.screening;

/**
 * Where a due person stands in a round. RETEST: their pooled sample (混管) was positive and no single
 * sample of theirs has come back since; they are to be re-tested alone.
 */
public enum TestStatus {
    UNTESTED, NEGATIVE, POSITIVE, RETEST;

    public boolean tested() {
        return this == NEGATIVE || this == POSITIVE;
    }
}
