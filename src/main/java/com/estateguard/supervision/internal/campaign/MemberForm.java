package com.estateguard.supervision.internal.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person added to a group in one of the four duties of the chain, or as a member. */
public record MemberForm(@NotBlank @Size(max = 40) String username, @NotNull Duty duty) {

    /** 督导指挥员, 督导监督员, 督导联络员, 组团督导负责人 and the group's members. */
    public enum Duty { COMMANDER, SUPERVISOR, LIAISON, LEADER, MEMBER }
}
