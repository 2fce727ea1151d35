package com.estateguard.access.internal.web;

import com.estateguard.access.Direction;
import com.estateguard.access.PassCheck;
import com.estateguard.access.internal.EntryCheckCommand;
import com.estateguard.access.internal.Evidence.CodeAcquisition;
import com.estateguard.access.internal.Evidence.CodeInput;
import com.estateguard.access.internal.Evidence.CredentialType;
import com.estateguard.access.internal.Evidence.TemperatureMethod;
import com.estateguard.access.internal.Evidence.TravelCode;
import com.estateguard.access.internal.Evidence;
import com.estateguard.access.internal.VehicleEvidence;
import com.estateguard.healthdata.CodeStatus;
import com.estateguard.healthdata.NatResult;
import com.estateguard.policy.EntrantCategory;
import com.github.f4b6a3.uuid.factory.standard.TimeOrderedEpochFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the guard's phone posts. Flat, all optional: a check left out is a check not done, which
 * the rules turn into a reason; the command built from it is validated before anything is stored.
 * {@code codeInput} is how the page's script saw the code arrive (gate.js); without it the code was typed.
 */
public record GateForm(UUID clientId, Long shiftId, String mode, UUID groupId, String plate, Boolean residentVehicle,
                       Direction direction, EntrantCategory category, String personName, String idNumber,
                       String scannedCode, CodeStatus shownCodeStatus, BigDecimal temperature,
                       TemperatureMethod temperatureMethod, CredentialType credentialType, String credentialRef,
                       Boolean credentialVerified, Boolean accessControl,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime natSampledAt,
                       NatResult natResult, String destination, Boolean symptoms, Boolean mask,
                       String outsiderException, Boolean emergency,
                       Boolean idDocumentChecked, Boolean residencePermitChecked, TravelCode travelCode, CodeInput codeInput) {

    /**
     * The client ids of fresh forms: time-ordered (UUID version 7) by the application's clock, the clock the checks are
     * dated by, so checks made one after another get ids that sort the same way (docs/PERFORMANCE.md).
     */
    static Supplier<UUID> clientIds(Clock clock) {
        return new TimeOrderedEpochFactory(clock)::create;
    }

    public static GateForm fresh(UUID clientId, long shiftId, String mode, UUID groupId, String plate, Boolean residentVehicle) {
        return new GateForm(clientId, shiftId, mode, groupId, plate, residentVehicle, Direction.IN,
                EntrantCategory.RESIDENT, null, null, null, null, null, TemperatureMethod.HANDHELD_GUN, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    EntryCheckCommand toCommand(long entranceId, ZoneId zone) {
        return toCommand(entranceId, zone, null);
    }

    /** As a queued check of an offline gate sends it (issue 11): with the moment it happened on the device. */
    EntryCheckCommand toCommand(long entranceId, ZoneId zone, java.time.Instant occurredAt) {
        var temp = temperature == null ? null
                : new Evidence.TemperatureReading(temperature, temperatureMethod == null ? TemperatureMethod.HANDHELD_GUN : temperatureMethod);
        var shown = shownCodeStatus == null || hasText(scannedCode) ? null
                : new Evidence.HealthCodeEvidence(shownCodeStatus, CodeAcquisition.SHOWN, "出示", false);
        // A scanned resident pass token is a pass whatever was picked; the recorder verifies it.
        var type = PassCheck.looksLikePass(credentialRef) ? CredentialType.PASS : credentialType;
        var credential = type == null ? null
                : new Evidence.CredentialEvidence(type, trim(credentialRef), isTrue(credentialVerified), isTrue(accessControl));
        var nat = natSampledAt == null || natResult == null ? null
                : new Evidence.NatEvidence(natSampledAt.atZone(zone).toInstant(), natResult, "出示报告", false);
        var answers = !hasText(destination) && symptoms == null ? null : new Evidence.Answers(trim(destination), symptoms);
        var vehicle = "VEHICLE".equals(mode) && hasText(plate) ? new VehicleEvidence(plate.trim(), isTrue(residentVehicle)) : null;
        return new EntryCheckCommand(clientId, entranceId, direction == null ? Direction.IN : direction,
                category == null ? EntrantCategory.RESIDENT : category, trim(personName),
                hasText(idNumber) ? idNumber.trim().toUpperCase() : null, trim(scannedCode),
                new Evidence(temp, shown, credential, nat, answers, mask, threeChecks()), trim(outsiderException), isTrue(emergency),
                "SINGLE".equals(mode) || mode == null ? null : groupId, vehicle, null, occurredAt,
                // What the page's script saw; left out, the code counts as typed.
                codeInput != null ? codeInput : CodeInput.TYPED);
    }

    /** "三核查" as the guard tapped it; nothing tapped is nothing checked. */
    private Evidence.ThreeChecks threeChecks() {
        if (!isTrue(idDocumentChecked) && !isTrue(residencePermitChecked) && travelCode == null) {
            return null;
        }
        return new Evidence.ThreeChecks(isTrue(idDocumentChecked), isTrue(residencePermitChecked), travelCode);
    }

    public boolean grouped() {
        return groupId != null && ("GROUP".equals(mode) || "VEHICLE".equals(mode));
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String trim(String s) {
        return hasText(s) ? s.trim() : null;
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
