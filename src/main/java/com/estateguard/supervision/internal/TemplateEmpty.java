package com.estateguard.supervision.internal;

import com.estateguard.common.IllegalTransition;

/** A template without items cannot be put in use. */
public class TemplateEmpty extends IllegalTransition {
    public TemplateEmpty(long id) {
        super("supervision.error.templateEmpty", id);
    }
}
