package com.estateguard.emergency.internal.screening;

import com.estateguard.healthdata.NatResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** What staff enter for screening: a round's period and a sample taken on site. */
public final class ScreeningForms {

    private ScreeningForms() {
    }

    public record RoundForm(@NotNull(message = "{emg.scr.error.period}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                            @NotNull(message = "{emg.scr.error.period}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt) {
    }

    /** A tube: a single sample names one person, a pool (混管) two or more; members are refs from the due list. */
    public record SampleForm(@NotBlank(message = "{emg.scr.error.code}") @Size(max = 40, message = "{emg.scr.error.code}") String code,
                             Boolean pooled,
                             @NotNull(message = "{emg.scr.error.result}") NatResult result,
                             @NotNull(message = "{emg.scr.error.sampledAt}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime sampledAt,
                             @NotEmpty(message = "{emg.scr.error.members}") @Size(max = 50, message = "{emg.scr.error.members}") List<String> members) {

        /** A pool (混管) when ticked; an unticked box is not sent at all. */
        public boolean pool() {
            return Boolean.TRUE.equals(pooled);
        }
    }
}
