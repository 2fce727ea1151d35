package com.estateguard.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a list read by keyset (seek) pagination (issue 12 §3), as the check list does: no OFFSET, so a page
 * costs the same at row 25 and at row 2,500,000, and rows arriving meanwhile neither repeat nor hide a row.
 * {@code previous}/{@code next} are opaque cursors (the sort key of the first/last row, {@link #cursor}) for the
 * neighbouring pages, null where there is none. {@code counted} is the number of rows the filter selects, counted
 * only up to {@link #COUNT_CAP}: when {@code more} is set there are more and no exact count is made.
 */
public record KeysetPage<T>(List<T> rows, String previous, String next, long counted, boolean more) {

    /** Counting stops here (a LIMIT subquery): an exact count(*) over a city's rows costs as much as reading them. */
    public static final int COUNT_CAP = 1000;

    private static final char SEPARATOR = '\u001f';

    /**
     * Plans the rest of the current (read-only) transaction's statements for their own values, as the check list does
     * ({@link SearchTooBroad#limitStatements}): after five runs the driver's prepared statements get PostgreSQL's generic
     * plan, which cannot tell an estate's scope from a city's and walks the whole table's newest-first index for both
     * (an estate's follow-ups on the generated city: every one of 20,152 follow-ups, about 50 ms, growing with the table;
     * a custom plan reads the estate's own index, under 1 ms). Ends with the transaction; planning costs about a
     * millisecond a page. Call it inside a transaction: outside one it ends with its own statement.
     */
    public static void planForValues(JdbcClient jdbc) {
        jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").query((rs, i) -> rs.getString(1)).single();
    }

    /** The cap, for the page's "more than N". */
    public int cap() {
        return COUNT_CAP;
    }

    /** How a list reads one slice: after the cursor in list order, or before it read backwards; {@code null} cursor: from the top. */
    @FunctionalInterface
    public interface Slice<T> {
        List<T> read(String[] cursor, boolean backwards, int limit);
    }

    /**
     * Reads the page after {@code after} (or, without it, before {@code before}; without either, the first page):
     * one row more than the page, to know whether another follows. {@code parts} is how many fields a cursor has,
     * {@code keyOf} a row's cursor, {@code cappedCount} the filter's count stopped at {@code COUNT_CAP + 1}.
     * A malformed cursor opens the first page.
     */
    public static <T> KeysetPage<T> read(String after, String before, int parts, int size, Slice<T> slice,
                                         Function<T, String> keyOf, LongSupplier cappedCount) {
        String[] forward = decode(after, parts).orElse(null);
        String[] backward = forward == null ? decode(before, parts).orElse(null) : null;
        boolean backwards = backward != null;
        String[] cursor = backwards ? backward : forward;
        List<T> rows = new ArrayList<>(slice.read(cursor, backwards, size + 1));
        boolean beyond = rows.size() > size;
        if (beyond) {
            rows.remove(rows.size() - 1);
        }
        if (backwards && !beyond) {
            return read(null, null, parts, size, slice, keyOf, cappedCount);   // back at the top: the first page, full and current
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean hasPrevious = backwards ? beyond : cursor != null;
        boolean hasNext = backwards || beyond;
        // One page holds the whole set: its rows are the count, and no second read of the set is needed.
        long counted = !hasPrevious && !hasNext ? rows.size() : cappedCount.getAsLong();
        String previous = hasPrevious && !rows.isEmpty() ? keyOf.apply(rows.get(0)) : null;
        String next = hasNext && !rows.isEmpty() ? keyOf.apply(rows.get(rows.size() - 1)) : null;
        return new KeysetPage<>(List.copyOf(rows), previous, next, Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /** A row's position in the list's order, written into the URL: its sort-key fields, joined and base64url-encoded. */
    public static String cursor(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            text.append(fields[i] == null ? "" : fields[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of a cursor, empty when it is missing or malformed. */
    public static Optional<String[]> decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] fields = text.split(String.valueOf(SEPARATOR), -1);
            return fields.length == parts ? Optional.of(fields) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
