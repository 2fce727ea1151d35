package com.estateguard.supervision;

/** A checklist template's id: one version of a template (a new version is a new id). */
public record TemplateId(long value) {

    public static TemplateId of(long value) {
        return new TemplateId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
