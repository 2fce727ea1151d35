package com.estateguard.emergency.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of an incident's steps, validated where they enter. Times are local (the estate's zone). */
public final class StepForms {

    private StepForms() {
    }

    /** A person moved to an observation point: who, when (blank: now), by whom. */
    public record Move(@NotNull Long pointId, @NotBlank @Size(max = 50) String personName, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime movedAt,
                       @NotBlank @Size(max = 50) String movedBy) {
    }

    /** CDC staff guided in: who guided them and who came. */
    public record CdcGuided(@NotBlank @Size(max = 50) String guidedBy, @NotBlank @Size(max = 200) String cdcStaff) {
    }

    /** A report made (blank time: now; never earlier than the moment it is entered). */
    public record Report(@NotNull ReportRecipient recipient, @NotNull ReportChannel channel,
                         @NotBlank @Size(max = 50) String reporter, @Size(max = 100) String receivedBy, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime reportedAt) {
    }

    /** The local CDC's assessment of the response (经属地疾控中心评估防控效果). */
    public record CdcAssessment(@NotBlank @Size(max = 100) String assessor, @NotBlank @Size(max = 500) String result,
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime assessedAt) {
    }

    /** A free note on the timeline. */
    public record Note(@NotBlank @Size(max = 500) String text) {
    }
}
