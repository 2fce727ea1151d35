package com.estateguard.residents.internal;

import java.util.Optional;

/** Who a person is to the home they live in (RES-01). */
public enum PersonKind {
    OWNER("业主"), TENANT("租户"), LANDLORD("房东"), FLOATING("流动人口");

    private static final PersonKind[] VALUES = values();

    private final String labelZh;

    PersonKind(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }

    /** Reads the Chinese word of an import file or the enum name. */
    static Optional<PersonKind> parse(String text) {
        String t = text == null ? "" : text.trim();
        for (PersonKind k : VALUES) {
            if (k.labelZh.equals(t) || k.name().equalsIgnoreCase(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
