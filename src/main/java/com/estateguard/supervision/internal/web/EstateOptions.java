package com.estateguard.supervision.internal.web;

import com.estateguard.org.EstateChoice;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import java.util.List;

/**
 * The estates a supervision page offers to pick from (issue 12: a city holds 10,000): those whose name contains the
 * search, found in SQL; without a search, every estate of a scope small enough to list ({@link EstateChoice#LIST_MAX}),
 * or for a wider one only the estate already chosen and a request to search ({@code searchFirst}, with the scope's
 * {@code total}; 0 when a search was given).
 */
record EstateOptions(List<EstateRef> estates, String search, boolean searchFirst, long total) {

    /** A search is cut to this many characters. */
    static final int SEARCH_MAX = 40;

    EstateOptions {
        estates = List.copyOf(estates);
    }

    /** The options under {@code scope} for the search {@code q} (blank: none), at most {@code limit} found by a search. */
    static EstateOptions of(OrgDirectory org, String scope, String q, Long chosen, int limit) {
        String search = q == null ? "" : q.strip();
        if (search.length() > SEARCH_MAX) {
            search = search.substring(0, SEARCH_MAX);
        }
        if (!search.isEmpty()) {
            return new EstateOptions(org.estatesNamed(scope, search, limit), search, false, 0);
        }
        EstateChoice choice = org.estateChoice(scope, chosen);
        return new EstateOptions(choice.options(), search, choice.searchable(), choice.total());
    }
}
