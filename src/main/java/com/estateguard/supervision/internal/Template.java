package com.estateguard.supervision.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A template version's header and its one guarded life (SPV-01): a draft is edited, then put in use;
 * from then on it is frozen (the database refuses any change to its sections and items too) and
 * only a newer version, put in use, supersedes it. Sections and items are SQL in {@link Templates}.
 */
@Table("sup_template")
class Template {

    @Id
    private final Long id;
    @ReadOnlyProperty
    private final String code;
    private String name;
    @ReadOnlyProperty
    @Column("version")
    private final int number;
    private TemplateStatus status;
    private Instant publishedAt;
    private String publishedBy;
    @Version
    @Column("lock_version")
    private Integer lockVersion;

    Template(Long id, String code, String name, int number, TemplateStatus status, Instant publishedAt, String publishedBy,
             Integer lockVersion) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.number = number;
        this.status = status;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.lockVersion = lockVersion;
    }

    /** Refuses any edit of a template that is not a draft. */
    void requireDraft() {
        if (status != TemplateStatus.DRAFT) {
            throw new TemplateFrozen(id, name, number);
        }
    }

    void rename(String newName) {
        requireDraft();
        this.name = newName;
    }

    /** Puts the draft in use. */
    void publish(String by, Instant at) {
        requireDraft();
        status = TemplateStatus.IN_USE;
        publishedAt = at;
        publishedBy = by;
    }

    /** The version in use gives way to a newer one. */
    void supersede() {
        if (status != TemplateStatus.IN_USE) {
            throw new TemplateFrozen(id, name, number);
        }
        status = TemplateStatus.SUPERSEDED;
    }

    long id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    int number() {
        return number;
    }

    TemplateStatus status() {
        return status;
    }
}
