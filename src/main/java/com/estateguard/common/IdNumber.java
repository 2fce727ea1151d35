package com.estateguard.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Mainland resident ID numbers (GB 11643): 17 digits, a birth date and a check character. */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Compiled once: {@code String.matches} compiles its pattern on every call, and the gate asks for every scan. */
    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumber() {
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.trim().toUpperCase();
    }

    public static boolean valid(String raw) {
        String id = normalise(raw);
        if (!SHAPE.matcher(id).matches()) {
            return false;
        }
        try {
            LocalDate.parse(id.substring(6, 14), BIRTH);
        } catch (DateTimeParseException e) {
            return false;
        }
        return checkChar(id.substring(0, 17)) == id.charAt(17);
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
