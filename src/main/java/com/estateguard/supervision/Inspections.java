package com.estateguard.supervision;

import com.estateguard.common.CurrentUser;
import java.util.List;
import java.util.Optional;

/**
 * Scored inspections (SPV-02/03): the facade the other parts of supervision (campaigns, orders and
 * re-checks, circulars, the letter) use.
 */
public interface Inspections {

    /**
     * Records an inspection, scored by the template's item rules. Refuses an impossible value with
     * {@link InvalidItemValues} naming each item, a template not in use, and an estate outside the
     * user's scope (not found).
     */
    InspectionId submit(SubmitInspection cmd, CurrentUser user);

    /** The result of an inspection the user may see (not found otherwise). */
    InspectionResult result(InspectionId id, CurrentUser user);

    /** The result without a user's scope, for the module's own listeners and jobs. */
    InspectionResult result(InspectionId id);

    /** The items of a template version, in section and item order. */
    List<TemplateItem> items(TemplateId template);

    /** The version of a template currently in use, by its code (e.g. {@code HUACHUAN_2021}, {@code ZHONGSHAN_2022_FORM}, {@code ZHONGSHAN_2022_LETTER}). */
    Optional<TemplateId> inUse(String code);
}
