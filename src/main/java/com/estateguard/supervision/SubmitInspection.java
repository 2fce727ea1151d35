package com.estateguard.supervision;

import com.estateguard.org.EstateId;
import java.util.List;

/**
 * An inspection to record (SPV-02/03). The score is computed from the entries by the template's item
 * rules; an impossible value is refused per item ({@link InvalidItemValues}).
 *
 * @param template   the template version filled in (must be in use)
 * @param estate     the estate inspected (must be in the inspector's scope)
 * @param campaignId the campaign it belongs to, if any
 * @param phaseId    the campaign phase, if any
 * @param kind       why it was made
 * @param rechecks   for a re-check, the inspection whose failed items it re-checks
 * @param corrects   for a correction, the inspection it replaces (that one stays, shown as corrected)
 * @param entries    one entry per item answered; every item of the template must be answered
 * @param note       a general note (optional)
 * @param photos     photos taken as evidence (optional)
 */
public record SubmitInspection(TemplateId template, EstateId estate, Long campaignId, Long phaseId, InspectionKind kind,
                               InspectionId rechecks, InspectionId corrects, List<ItemEntry> entries, String note,
                               List<InspectionPhoto> photos) {

    public SubmitInspection {
        entries = entries == null ? List.of() : List.copyOf(entries);
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
