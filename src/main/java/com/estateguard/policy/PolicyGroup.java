package com.estateguard.policy;

/**
 * One module's group of policy numbers (政策参数组), declared by that module as a Spring bean, so
 * a new module adds its numbers without editing {@link PolicyParameters}, the presets or the
 * policy editor. The group is a record whose components carry their Bean Validation bounds; the
 * editor shows each component labelled by the message {@code param.<key>.<component>} (the
 * group's heading is {@code param.<key>}). The module reads its numbers with
 * {@code policy.parameters().group(TheRecord.class)}.
 *
 * @param <T> the record holding the group's numbers
 */
public interface PolicyGroup<T extends Record> {

    /** The group's key in a stored version's JSON and in the editor's field names, e.g. {@code residents}. */
    String key();

    Class<T> type();

    /**
     * The group's numbers in a preset, from that preset's source document. A version written
     * without the group gets its preset's seed (of {@link PolicyPreset#DEFAULT} when it names none).
     * A stored version holds every value and is read as stored: a group added later brings a
     * migration that writes its seed into the stored versions (V72 shows how); until then reading
     * such a version fails, naming the version and the group.
     */
    T seed(PolicyPreset preset);
}
