package com.estateguard.supervision.internal;

import com.estateguard.common.IllegalTransition;

/** An inspection needs a template that has been put in use; a draft cannot be filled in. */
public class TemplateNotInUse extends IllegalTransition {
    public TemplateNotInUse(long id) {
        super("supervision.error.templateNotInUse", id);
    }
}
