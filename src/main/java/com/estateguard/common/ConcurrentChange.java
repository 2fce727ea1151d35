package com.estateguard.common;

/**
 * Someone else changed the same record between our reading and our writing it (an optimistic-lock
 * conflict); the later writer is told to look again rather than silently overwriting.
 */
public class ConcurrentChange extends DomainException {
    public ConcurrentChange(String what, Object id) {
        super("error.concurrentChange", what, id);
    }
}
