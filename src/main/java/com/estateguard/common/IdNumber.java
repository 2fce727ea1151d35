package com.estateguard.common;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Mainland resident ID numbers (GB 11643): 17 digits, a birth date and a check character. */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumber() {
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.trim().toUpperCase();
    }

    public static boolean valid(String raw) {
        String id = normalise(raw);
        // By hand rather than a regex and a date parser: imports check hundreds of thousands of these.
        if (id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        char last = id.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(id, 6, 10, 10), Integer.parseInt(id, 10, 12, 10), Integer.parseInt(id, 12, 14, 10));
        } catch (DateTimeException e) {
            return false;
        }
        return checkChar(id.substring(0, 17)) == last;
    }

    /** The check character for 17 leading digits; used by demo data to make valid numbers. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** e.g. 1101**********1234: enough to recognise, not enough to reuse. */
    public static String mask(String raw) {
        String id = normalise(raw);
        if (id.length() < 8) {
            return "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }
}
