package com.estateguard.org;

import java.util.List;

/**
 * What a list of estates is narrowed to, inside the reader's scope: a text found in the estate's, its community's or
 * its company's name ({@code text}, blank: any), and/or only the given estates ({@code only}, null: any; empty: none),
 * e.g. the one chosen in the estate picker or those a module found something to show for.
 */
public record EstateListFilter(String text, List<Long> only) {

    public static final EstateListFilter ALL = new EstateListFilter(null, null);

    public EstateListFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        only = only == null ? null : List.copyOf(only);
    }

    public static EstateListFilter only(List<Long> estates) {
        return new EstateListFilter(null, estates);
    }
}
