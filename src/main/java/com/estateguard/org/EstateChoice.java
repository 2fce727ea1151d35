package com.estateguard.org;

import java.util.List;

/**
 * What an estate filter offers a user: every estate of their scope when there are few, or, for a district's or a
 * city's thousands, only the chosen one and a search by name ({@code searchable}). A page never lists 10,000 options.
 */
public record EstateChoice(List<EstateRef> options, boolean searchable, long total) {

    /** Up to this many estates are offered as one list; more are searched by name. */
    public static final int LIST_MAX = 200;

    /** At most this many estates answer one search. */
    public static final int SEARCH_MAX = 30;

    public EstateChoice {
        options = List.copyOf(options);
    }
}
