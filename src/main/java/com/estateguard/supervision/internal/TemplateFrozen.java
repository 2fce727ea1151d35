package com.estateguard.supervision.internal;

import com.estateguard.common.IllegalTransition;

/** The template is in use (or superseded): it is never changed; copy it as a new version and edit that. */
public class TemplateFrozen extends IllegalTransition {
    public TemplateFrozen(long id, String name, int version) {
        super("supervision.error.templateFrozen", name, version, id);
    }
}
