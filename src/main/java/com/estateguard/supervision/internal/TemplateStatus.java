package com.estateguard.supervision.internal;

/** A template version's life: edited as a draft, put in use (frozen), superseded by a newer version. */
public enum TemplateStatus {
    DRAFT, IN_USE, SUPERSEDED
}
