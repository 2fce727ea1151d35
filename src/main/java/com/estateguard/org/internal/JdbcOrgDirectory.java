package com.estateguard.org.internal;

import com.estateguard.org.CompanyId;
import com.estateguard.org.CompanyRef;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EntranceKind;
import com.estateguard.org.EntranceRef;
import com.estateguard.common.KeysetPage;
import com.estateguard.org.EstateChoice;
import com.estateguard.org.EstateListFilter;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstatePlace;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The organisation tree in PostgreSQL. */
@Service
@Transactional(readOnly = true)
class JdbcOrgDirectory implements OrgDirectory {

    private static final String ESTATE_SELECT = """
            SELECT e.id, e.name, e.region_id, r.name AS region_name, e.company_id, c.name AS company_name, e.area_m2,
                   e.address, e.region_path, e.company_path, e.first_responsible, e.prevention_admin, e.observation_point
              FROM org_estate e JOIN org_region r ON r.id = e.region_id JOIN org_company c ON c.id = e.company_id
            """;
    private static final String ENTRANCE_SELECT = """
            SELECT n.id, n.estate_id, e.name AS estate_name, e.region_path AS estate_region_path, n.name, n.kind, n.open
              FROM org_entrance n JOIN org_estate e ON e.id = n.estate_id
            """;

    private static final String ENTRANCE_BY_ID = """
            SELECT n.id, n.estate_id, e.name AS estate_name, e.region_path AS estate_region_path, n.name, n.kind, n.open,
                   e.company_path
              FROM org_entrance n JOIN org_estate e ON e.id = n.estate_id WHERE n.id = ?""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration entranceTtl;
    /** Entrances by id, kept briefly for the gate's hot path (one look-up per check); cleared here when one changes. */
    private final Map<Long, CachedEntrance> entranceCache = new ConcurrentHashMap<>();

    private record CachedEntrance(EntranceRef entrance, String companyPath, Instant until) {
    }

    /** Mapped by hand: a city's 10,000 estates through the reflective row mapper cost a circular tenths of a second. */
    private static EstateRef estateRef(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new EstateRef(rs.getLong("id"), rs.getString("name"), rs.getLong("region_id"), rs.getString("region_name"),
                rs.getLong("company_id"), rs.getString("company_name"), rs.getBigDecimal("area_m2"), rs.getString("address"),
                rs.getString("region_path"), rs.getString("company_path"), rs.getString("first_responsible"),
                rs.getString("prevention_admin"), rs.getString("observation_point"));
    }

    JdbcOrgDirectory(JdbcClient jdbc, Clock clock,
                     @Value("${estateguard.org.entrance-cache-ttl:PT5S}") Duration entranceTtl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.entranceTtl = entranceTtl;
    }

    @Override
    public Optional<EstateRef> estate(EstateId estate, String scope) {
        long id = estate.value();
        return jdbc.sql(ESTATE_SELECT + " WHERE e.id = :id AND " + EstateScope.where("e.id"))
                .param("id", id).param("scope", EstateScope.bind(scope)).query(JdbcOrgDirectory::estateRef).optional();
    }

    @Override
    public List<EstatePlace> estatePlaces(String scope) {
        return jdbc.sql("SELECT e.id, e.name, e.region_path FROM org_estate e WHERE " + EstateScope.where("e.id") + " ORDER BY e.region_path")
                .param("scope", EstateScope.bind(scope))
                .query((rs, n) -> new EstatePlace(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    public List<EstateRef> estates(String scope) {
        return jdbc.sql(ESTATE_SELECT + " WHERE " + EstateScope.where("e.id") + " ORDER BY e.region_path, e.name")
                .param("scope", EstateScope.bind(scope)).query(JdbcOrgDirectory::estateRef).list();
    }

    /**
     * An entrance in the scope. Read by id and kept for {@code estateguard.org.entrance-cache-ttl} (5 s): the gate asks
     * for its entrance on every check. The scope is checked on every call ({@link EstateScope#contains}); opening or
     * closing an entrance clears it here at once (on another node within the TTL; estates never change their paths).
     */
    /**
     * Keyset by (name, id): each page reads its rows from the cursor on ({@code org_estate_name_order}, V191) with the
     * scope and filter as conditions, and the count stops at the cap, so a city's page costs what a street's does.
     */
    @Override
    public KeysetPage<EstateRef> estatePage(String scope, EstateListFilter filter, String after, String before, int size) {
        String bound = EstateScope.bind(scope);
        if (filter.only() != null && filter.only().isEmpty()) {
            return new KeysetPage<>(List.of(), null, null, 0, false);
        }
        String where = " WHERE " + EstateScope.where("e.id")
                + (filter.text() == null ? "" : " AND (strpos(e.name, :text) > 0 OR strpos(r.name, :text) > 0 OR strpos(c.name, :text) > 0)")
                + (filter.only() == null ? "" : " AND e.id = ANY(:only)");
        return KeysetPage.read(after, before, 2, size, (cursor, backwards, limit) -> {
            String seek = cursor == null ? "" : backwards ? " AND (e.name, e.id) < (:name, :id)" : " AND (e.name, e.id) > (:name, :id)";
            var sql = jdbc.sql(ESTATE_SELECT + where + seek
                    + (backwards ? " ORDER BY e.name DESC, e.id DESC" : " ORDER BY e.name, e.id") + " LIMIT :limit");
            sql = withFilter(sql.param("scope", bound).param("limit", limit), filter);
            if (cursor != null) {
                sql = sql.param("name", cursor[0]).param("id", Long.parseLong(cursor[1]));
            }
            return sql.query(JdbcOrgDirectory::estateRef).list();
        }, e -> KeysetPage.cursor(e.name(), e.id()), () -> withFilter(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM org_estate e"
                        + " JOIN org_region r ON r.id = e.region_id JOIN org_company c ON c.id = e.company_id" + where
                        + " LIMIT " + (KeysetPage.COUNT_CAP + 1) + ") capped").param("scope", bound), filter)
                .query(Long.class).single());
    }

    private static JdbcClient.StatementSpec withFilter(JdbcClient.StatementSpec sql, EstateListFilter filter) {
        if (filter.text() != null) {
            sql = sql.param("text", filter.text());
        }
        return filter.only() == null ? sql : sql.param("only", filter.only().toArray(Long[]::new));
    }

    @Override
    public EstateChoice estateChoice(String scope, Long chosen) {
        long total = countEstates(scope);
        if (total <= EstateChoice.LIST_MAX) {
            return new EstateChoice(estates(scope), false, total);
        }
        List<EstateRef> picked = chosen == null ? List.of() : estate(new EstateId(chosen), scope).stream().toList();
        return new EstateChoice(picked, true, total);
    }

    @Override
    public List<EstateRef> estatesNamed(String scope, String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return jdbc.sql(ESTATE_SELECT + " WHERE " + EstateScope.where("e.id")
                        + " AND strpos(e.name, :text) > 0 ORDER BY length(e.name), e.name, e.id LIMIT :limit")
                .param("scope", EstateScope.bind(scope)).param("text", text.trim()).param("limit", limit)
                .query(JdbcOrgDirectory::estateRef).list();
    }

    /**
     * From the cache when it holds the entrance: no transaction (so no pooled connection and no read-only switch on it)
     * for the gate's every check; a miss reads it with the caller's transaction, or alone.
     */
    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public Optional<EntranceRef> entrance(EntranceId entrance, String scope) {
        long id = entrance.value();
        Instant now = clock.instant();
        CachedEntrance hit = entranceCache.get(id);
        if (hit == null || !hit.until().isAfter(now)) {
            hit = jdbc.sql(ENTRANCE_BY_ID).param(id)
                    .query((rs, n) -> new CachedEntrance(new EntranceRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), EntranceKind.valueOf(rs.getString(6)), rs.getBoolean(7)),
                            rs.getString(8), now.plus(entranceTtl)))
                    .optional().orElse(null);
            if (hit == null) {
                return Optional.empty();
            }
            if (entranceCache.size() > 50_000) {
                entranceCache.clear();
            }
            entranceCache.put(id, hit);
        }
        return EstateScope.contains(scope, hit.entrance().estateRegionPath(), hit.companyPath())
                ? Optional.of(hit.entrance()) : Optional.empty();
    }

    @Override
    public List<EntranceRef> entrances(EstateId estate) {
        long estateId = estate.value();
        return jdbc.sql(ENTRANCE_SELECT + " WHERE n.estate_id = :estate ORDER BY n.id")
                .param("estate", estateId).query(EntranceRef.class).list();
    }

    @Override
    public Optional<RegionRef> region(RegionId region) {
        long id = region.value();
        return jdbc.sql("SELECT id, parent_id, level, name, path FROM org_region WHERE id = :id")
                .param("id", id).query(RegionRef.class).optional();
    }

    /** Regions whose path lies inside the scope (a region user) or that contain it. */
    @Override
    public List<RegionRef> regions(String scope) {
        return jdbc.sql("""
                        SELECT id, parent_id, level, name, path FROM org_region
                         WHERE path LIKE :scope || '%' OR :scope LIKE path || '%' ORDER BY path""")
                .param("scope", EstateScope.bind(scope)).query(RegionRef.class).list();
    }

    @Override
    public Optional<CompanyRef> company(CompanyId company) {
        long id = company.value();
        return jdbc.sql("SELECT id, parent_id, name, kind, path, city_id FROM org_company WHERE id = :id")
                .param("id", id).query(CompanyRef.class).optional();
    }

    @Override
    public List<CompanyRef> companies() {
        return jdbc.sql("SELECT id, parent_id, name, kind, path, city_id FROM org_company ORDER BY path")
                .query(CompanyRef.class).list();
    }

    @Override
    public long countEstates(String scope) {
        // A region's estates as a range of the path-order index (V210): 3 ms for a city of 10,000, against 14 ms for the
        // semi-join of EstateScope.where; asked on every page of the check list and the daily reports.
        return jdbc.sql("SELECT count(*) FROM (" + EstateScope.placesInPathOrder(scope) + ") e")
                .param("scope", EstateScope.bind(scope)).query(Long.class).single();
    }

    @Override
    public long countEstates() {
        return jdbc.sql("SELECT count(*) FROM org_estate").query(Long.class).single();
    }

    @Transactional
    @Override
    public void setEntranceOpen(EntranceId entrance, boolean open, String actor) {
        long entranceId = entrance.value();
        jdbc.sql("UPDATE org_entrance SET open = :open, updated_at = now(), updated_by = :by WHERE id = :id")
                .param("open", open).param("by", actor).param("id", entranceId).update();
        forget(entranceId);
    }

    /** Now and again once the change is committed, so a read in between cannot keep the old row for the TTL. */
    private void forget(long entranceId) {
        entranceCache.remove(entranceId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entranceCache.remove(entranceId);
                }
            });
        }
    }

    @Transactional
    @Override
    public long createRegion(Long parentId, RegionLevel level, String name, String actor) {
        return jdbc.sql("""
                        WITH n AS (SELECT nextval('org_region_id_seq') AS id)
                        INSERT INTO org_region (id, parent_id, level, name, path, created_by)
                        SELECT n.id, :parent, :level, :name,
                               coalesce((SELECT path FROM org_region WHERE id = :parent), 'R/') || n.id || '/', :by
                          FROM n RETURNING id""")
                .param("parent", parentId).param("level", level.name()).param("name", name).param("by", actor)
                .query(Long.class).single();
    }

    @Transactional
    @Override
    public long createCompany(Long parentId, String name, Long cityId, String actor) {
        return jdbc.sql("""
                        WITH n AS (SELECT nextval('org_company_id_seq') AS id)
                        INSERT INTO org_company (id, parent_id, name, kind, path, city_id, created_by)
                        SELECT n.id, :parent, :name, CASE WHEN :parent::bigint IS NULL THEN 'HQ' ELSE 'BRANCH' END,
                               coalesce((SELECT path FROM org_company WHERE id = :parent), 'C/') || n.id || '/', cast(:city AS bigint), :by
                          FROM n RETURNING id""")
                .param("parent", parentId).param("name", name).param("city", cityId).param("by", actor)
                .query(Long.class).single();
    }

    @Transactional
    @Override
    public long createEstate(EstateForm form, String actor) {
        return jdbc.sql("""
                        INSERT INTO org_estate (name, region_id, company_id, area_m2, address, first_responsible,
                                                prevention_admin, observation_point, region_path, company_path, created_by)
                        VALUES (:name, :region, :company, :area, :address, :first, :admin, :obs, '', '', :by) RETURNING id""")
                .param("name", form.name()).param("region", form.communityId()).param("company", form.companyId())
                .param("area", form.areaM2()).param("address", form.address()).param("first", form.firstResponsible())
                .param("admin", form.preventionAdmin()).param("obs", form.observationPoint()).param("by", actor)
                .query(Long.class).single();
    }

    @Transactional
    @Override
    public long createEntrance(EstateId estate, String name, EntranceKind kind, boolean open, String actor) {
        long estateId = estate.value();
        return jdbc.sql("""
                        INSERT INTO org_entrance (estate_id, name, kind, open, created_by)
                        VALUES (:estate, :name, :kind, :open, :by) RETURNING id""")
                .param("estate", estateId).param("name", name).param("kind", kind.name()).param("open", open)
                .param("by", actor).query(Long.class).single();
    }

    @Transactional
    @Override
    public void createBuilding(EstateId estate, String name, String actor) {
        long estateId = estate.value();
        jdbc.sql("INSERT INTO org_building (estate_id, name, created_by) VALUES (:e, :n, :by)")
                .param("e", estateId).param("n", name).param("by", actor).update();
    }

    @Transactional
    @Override
    public void createPickupPoint(EstateId estate, String name, String location, String actor) {
        long estateId = estate.value();
        jdbc.sql("INSERT INTO org_pickup_point (estate_id, name, location, created_by) VALUES (:e, :n, :l, :by)")
                .param("e", estateId).param("n", name).param("l", location).param("by", actor).update();
    }

    @Override
    public List<String> buildings(EstateId estate) {
        long estateId = estate.value();
        return jdbc.sql("SELECT name FROM org_building WHERE estate_id = :e ORDER BY id").param("e", estateId)
                .query(String.class).list();
    }

    @Override
    public List<String> pickupPoints(EstateId estate) {
        long estateId = estate.value();
        return jdbc.sql("SELECT name || coalesce('（' || location || '）', '') FROM org_pickup_point WHERE estate_id = :e ORDER BY id")
                .param("e", estateId).query(String.class).list();
    }
}
