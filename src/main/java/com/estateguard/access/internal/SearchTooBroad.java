package com.estateguard.access.internal;

import com.estateguard.common.DomainException;

/** A list's search would read more records than a page may take time for: the reader is asked to narrow it. */
public class SearchTooBroad extends DomainException {
    public SearchTooBroad() {
        super("lists.tooBroad");
    }
}
