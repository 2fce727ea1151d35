package com.estateguard.emergency.internal.lockdown;

/**
 * Why a person is restricted in an incident (004 四(四)): close contact (密切接触者), contact of a
 * close contact (密接的密接), general contact (一般接触者), and everyone else listed for management,
 * the key group (重点人群: "不离开物业小区…确需离开的，须经属地疫情防控领导小组同意").
 */
public enum RestrictionTier { CLOSE_CONTACT, SECONDARY_CONTACT, GENERAL_CONTACT, KEY_GROUP }
