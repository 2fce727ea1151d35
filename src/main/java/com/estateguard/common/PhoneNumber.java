package com.estateguard.common;

/** Chinese phone numbers as people type them on forms and in imports: a mobile, or a landline with its area code. */
public final class PhoneNumber {

    /** A mobile (1[3-9] and 9 digits) or a landline (0, area code, optional dash, 7-8 digits); empty is allowed. */
    public static final String MOBILE_OR_LANDLINE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})?$";

    private PhoneNumber() {
    }
}
