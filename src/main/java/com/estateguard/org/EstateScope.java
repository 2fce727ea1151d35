package com.estateguard.org;

/**
 * The one place where data scope becomes SQL. A user's scope is an organisation path
 * (region "R/1/4/", company "C/2/" or one estate "R/1/4/9/12/E3/"); an estate is visible when
 * either of its two paths starts with it. Always bound as {@code :scope}, never spliced.
 */
public final class EstateScope {

    private static final String VISIBLE_ESTATES =
            "SELECT id FROM org_estate WHERE region_path LIKE :scope || '%' OR company_path LIKE :scope || '%'";

    private EstateScope() {
    }

    /** A predicate on the given estate-id column, e.g. {@code where(c.estate_id)}. */
    public static String where(String estateIdColumn) {
        return estateIdColumn + " IN (" + VISIBLE_ESTATES + ")";
    }

    /**
     * The visible estates' ids as a table, e.g. {@code FROM (" + visibleEstates() + ") s CROSS JOIN LATERAL (…)}: for a
     * query that reads each estate's own index once instead of filtering one index over all estates.
     */
    public static String visibleEstates() {
        return VISIBLE_ESTATES;
    }

    /**
     * The visible estates where they lie, {@code (id, name, region_path)}, as a table to read a page at a time in
     * (region path, name, id) order, bytewise as Java compares strings: {@code ORDER BY e.region_path COLLATE "C",
     * e.name COLLATE "C", e.id} with a seek on the same three. A region's scope is a range of {@code org_estate_path_order}
     * (V210): its paths are those from the scope up to the scope with its last "/" raised to "0", exactly the ones
     * starting with it (a region scope holds no company path); a company's scope selects by its company path.
     */
    public static String placesInPathOrder(String scope) {
        return bind(scope).startsWith("R/")
                ? "SELECT id, name, region_path FROM org_estate WHERE region_path COLLATE \"C\" >= :scope"
                        + " AND region_path COLLATE \"C\" < left(:scope, -1) || '0'"
                : "SELECT id, name, region_path FROM org_estate WHERE " + where("id");
    }

    /**
     * A predicate on the region-path column of rows kept per region (the cockpit's sums per city, district and
     * street): the regions inside the scope. An estate's or a company's scope holds no region's rows.
     */
    public static String regionWhere(String regionPathColumn) {
        return regionPathColumn + " LIKE :scope || '%'";
    }

    /**
     * The same rule in Java, for a row already read (a cached entrance): visible when either of the estate's two
     * paths starts with the scope.
     */
    public static boolean contains(String scope, String estateRegionPath, String estateCompanyPath) {
        String s = bind(scope);
        return estateRegionPath != null && estateRegionPath.startsWith(s)
                || estateCompanyPath != null && estateCompanyPath.startsWith(s);
    }

    /**
     * The scopes wider than one estate that hold an estate with these paths: every region above it ("R/", "R/1/", …)
     * and every company level ("C/", "C/1/"), not the estate's own path. Figures kept per scope (the daily reports'
     * sums) are written under each of these and read back by the user's scope, exactly as {@link #contains} would select.
     */
    public static java.util.List<String> enclosing(String estateRegionPath, String estateCompanyPath) {
        java.util.List<String> scopes = new java.util.ArrayList<>();
        for (String path : new String[] {estateRegionPath, estateCompanyPath}) {
            if (path == null) {
                continue;
            }
            for (int slash = path.indexOf('/'); slash >= 0 && slash < path.length() - 1; slash = path.indexOf('/', slash + 1)) {
                scopes.add(path.substring(0, slash + 1));
            }
        }
        return scopes;
    }

    /** Whether a scope is a single estate's own path (its last part is the estate, "…/E12/"). */
    public static boolean isOneEstate(String scope) {
        String s = bind(scope);
        int start = s.lastIndexOf('/', s.length() - 2) + 1;
        return s.length() > start + 1 && s.charAt(start) == 'E';
    }

    /** Refuses a missing or blank scope so a bug can never widen it to everything. */
    public static String bind(String scope) {
        if (scope == null || scope.isBlank() || !scope.endsWith("/")) {
            throw new IllegalStateException("a data scope is required");
        }
        return scope;
    }
}
