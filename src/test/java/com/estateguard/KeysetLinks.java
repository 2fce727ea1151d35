package com.estateguard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a keyset-paged list page as a browser does: its rows (by a page's own row pattern) and its 上一页/下一页 links. */
public final class KeysetLinks {

    public static final Pattern NEXT = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"");
    public static final Pattern PREVIOUS = Pattern.compile("<a rel=\"prev\" href=\"([^\"]+)\"");

    private KeysetLinks() {
    }

    /** The link's target, unescaped, or null when the page has no such link. */
    public static String link(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    /** The numbers the row pattern's first group captures, in page order. */
    public static List<Long> ids(Pattern row, String page) {
        List<Long> ids = new ArrayList<>();
        Matcher m = row.matcher(page);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
