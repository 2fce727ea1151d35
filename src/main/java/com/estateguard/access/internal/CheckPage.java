package com.estateguard.access.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * One page of the check list read by keyset (seek) pagination, newest first by (occurred_at, id): no OFFSET, so a
 * page costs the same at row 25 and at row 2,500,000, and rows arriving meanwhile neither repeat nor hide a row.
 * {@code previous}/{@code next} are the cursors for the neighbouring pages (null where there is none).
 * {@code counted} is the number of rows the filter selects, counted only up to {@link #COUNT_CAP}: when
 * {@code more} is set there are more than that many and no exact count is made.
 */
public record CheckPage(List<CheckRow> rows, Cursor previous, Cursor next, long counted, boolean more) {

    /** Counting stops here (a LIMIT subquery): an exact count(*) over a city's records costs as much as reading them. */
    public static final int COUNT_CAP = 1000;

    /** The cap, for the page's "more than N". */
    public int cap() {
        return COUNT_CAP;
    }

    /** A position in the order (occurred_at desc, id desc), written into the URL as {@code <instant>_<id>}. */
    public record Cursor(Instant occurredAt, long id) {

        public static Cursor of(CheckRow row) {
            return new Cursor(row.occurredAt(), row.id());
        }

        /** Empty for a missing or malformed cursor: the list then opens on its first page. */
        public static Optional<Cursor> parse(String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            int cut = text.lastIndexOf('_');
            if (cut <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Cursor(Instant.parse(text.substring(0, cut)), Long.parseLong(text.substring(cut + 1))));
            } catch (DateTimeParseException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return occurredAt + "_" + id;
        }
    }
}
