package com.estateguard.access.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A group or a vehicle at the gate ("不得以一人代替多人"): one entry per person, each with their own
 * evidence and client id. There is no head count: a person not listed was not checked.
 */
public record GroupCheckCommand(@NotNull UUID groupId, Long entranceId, @Valid VehicleEvidence vehicle,
                                @NotEmpty @Size(max = 60) List<@Valid @NotNull EntryCheckCommand> members) {

    /** Every member carries the group's id, vehicle and entrance, whatever it sent. */
    public List<EntryCheckCommand> memberCommands() {
        return members.stream().map(m -> new EntryCheckCommand(m.clientId(), entranceId != null ? entranceId : m.entranceId(),
                m.direction(), m.category(), m.personName(), m.idNumber(), m.scannedCode(), m.evidence(),
                m.outsiderException(), m.emergency(), groupId, vehicle, m.correctsCheckId(), m.occurredAt(), m.codeInput())).toList();
    }
}
