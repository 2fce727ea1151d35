package com.estateguard.supervision.internal.rectification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** An interview (约谈) to record: when, who held it, with whom (the company's head), what was said and required. */
public record InterviewForm(@NotNull(message = "{spv.interview.error.heldAt}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime heldAt,
                            @NotBlank(message = "{spv.interview.error.heldBy}") @Size(max = 100, message = "{spv.interview.error.heldBy}") String heldBy,
                            @NotBlank(message = "{spv.interview.error.withWhom}") @Size(max = 200, message = "{spv.interview.error.withWhom}") String withWhom,
                            @NotBlank(message = "{spv.interview.error.notes}") @Size(max = 2000, message = "{spv.interview.error.notes}") String notes) {
}
