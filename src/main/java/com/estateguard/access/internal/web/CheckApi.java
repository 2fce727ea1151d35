package com.estateguard.access.internal.web;

import com.estateguard.access.internal.CheckOutcome;
import com.estateguard.access.internal.CheckRecorder;
import com.estateguard.access.internal.EntryCheckCommand;
import com.estateguard.access.internal.GroupCheckCommand;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ACC-07: smart terminals and integrations submit checks here, authenticated by X-Api-Key. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Checkpoint", description = "卡口查验 – entry checks by smart terminals")
@SecurityRequirement(name = "apiKey")
class CheckApi {

    private final CheckRecorder recorder;
    private final Policies policies;
    private final OrgDirectory org;
    private final Clock clock;

    CheckApi(CheckRecorder recorder, Policies policies, OrgDirectory org, Clock clock) {
        this.recorder = recorder;
        this.policies = policies;
        this.org = org;
        this.clock = clock;
    }

    @PostMapping("/checks")
    @Operation(summary = "Record one person's check and get the decision",
            description = "Idempotent by clientId within the terminal's estate: a retry returns the stored record (200) "
                    + "instead of a new one (201), even when it would fail validation now (e.g. its occurredAt has left the "
                    + "window). A clientId is unique per estate: the same one sent in another estate is a record of its own. "
                    + "Any UUID is accepted; a time-ordered one (version 7, as the platform's own pages make) is cheaper "
                    + "to store: random ids land all over the client-id index, which at millions of checks no longer "
                    + "fits in the database's cache (docs/PERFORMANCE.md).")
    @ApiResponse(responseCode = "201", description = "Recorded: the decision and every reason",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckOutcome.class)))
    @ApiResponse(responseCode = "200", description = "A replay of a clientId this terminal already sent: the stored record, "
            + "\"replayed\": true; nothing new is stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckOutcome.class)))
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: the entrance (entranceId) or a corrected check does not exist")
    @ApiResponse(responseCode = "409", description = "NO_POLICY: no policy in force for the estate; CONCURRENT_CHANGE; "
            + "CLIENT_ID_TAKEN: the clientId is stored in this estate for a record this terminal may not see")
    ResponseEntity<CheckOutcome> check(@Valid @RequestBody EntryCheckCommand command) {
        CheckOutcome outcome = recorder.record(command, CurrentUser.require());
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(outcome);
    }

    @PostMapping("/checks/group")
    @Operation(summary = "Record a group or a vehicle, one entry per person with their own evidence",
            description = "All or nothing: one refused member (400) stores none of them.")
    @ApiResponse(responseCode = "201", description = "Every member recorded, each with its decision and reasons",
            content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = CheckOutcome.class))))
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: the entrance (entranceId) does not exist")
    @ApiResponse(responseCode = "409", description = "CLIENT_ID_TAKEN: a member's clientId was used for another record; "
            + "NO_POLICY: no policy in force for the estate; CONCURRENT_CHANGE")
    ResponseEntity<List<CheckOutcome>> group(@Valid @RequestBody GroupCheckCommand command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(recorder.recordGroup(command.memberCommands(), CurrentUser.require()));
    }

    @GetMapping("/policy/current")
    @Operation(summary = "The policy in force at this terminal's estate now")
    @ApiResponse(responseCode = "200", description = "The policy version in force",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyVersion.class)))
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: the terminal's estate is gone")
    @ApiResponse(responseCode = "409", description = "NO_POLICY: no policy in force for the estate")
    PolicyVersion currentPolicy() {
        CurrentUser device = CurrentUser.require();
        var estate = org.estate(new EstateId(device.estateId()), device.scopePath())
                .orElseThrow(() -> new NotFoundException("estate", device.estateId()));
        return policies.inForce(estate.regionPath(), clock.instant());
    }
}
