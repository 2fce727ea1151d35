package com.estateguard.org;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The organisation tree (ORG-01..03): regions (city > district > street > community), companies,
 * estates and their entrances, buildings and pickup points. Reads that take a {@code scope} see
 * only what lies inside that organisation path.
 */
public interface OrgDirectory {

    Optional<EstateRef> estate(EstateId id, String scope);

    /** The estate if it lies in this user's scope; otherwise the estate is "not found" for them. */
    default EstateRef estateInScope(EstateId id, CurrentUser user) {
        return estate(id, user.scopePath()).orElseThrow(() -> new NotFoundException("estate", id.value()));
    }

    List<EstateRef> estates(String scope);

    /**
     * The scope a list reads when its reader narrows it to a region, an estate or both (the list behind a cockpit
     * number): the region must lie inside the reader's own (region) scope and the estate inside the scope so narrowed.
     * Anything else is "not found" for them, so a URL can narrow a list but never widen it.
     */
    default ListScope listScope(CurrentUser user, Long regionId, Long estateId) {
        String path = user.scopePath();
        RegionRef region = null;
        if (regionId != null) {
            region = region(new RegionId(regionId)).filter(r -> r.path().startsWith(user.scopePath()))
                    .orElseThrow(() -> new NotFoundException("region", regionId));
            path = region.path();
        }
        EstateRef estate = null;
        if (estateId != null) {
            estate = estate(new EstateId(estateId), path).orElseThrow(() -> new NotFoundException("estate", estateId));
            path = estate.regionPath();
        }
        return new ListScope(path, region, estate);
    }

    /**
     * One page of the scope's estates for a list (issue 12 §3), in (name, id) order by keyset: {@code after}/{@code before}
     * are a row's cursor ({@link com.estateguard.common.KeysetPage}); the count stops at the cap. A page of a city costs
     * the same as a page of a street, and no list holds all of a city's estates.
     */
    com.estateguard.common.KeysetPage<EstateRef> estatePage(String scope, EstateListFilter filter, String after, String before, int size);

    /** The estate filter for a page: the whole list for a small scope, else the chosen estate and a search. */
    EstateChoice estateChoice(String scope, Long chosen);

    /** Estates in the scope whose name contains {@code text}, at most {@code limit}, shortest (closest) names first. */
    List<EstateRef> estatesNamed(String scope, String text, int limit);

    /** The estates in the scope with their region path only, in path order: cheap for thousands of estates. */
    List<EstatePlace> estatePlaces(String scope);

    Optional<EntranceRef> entrance(EntranceId id, String scope);

    List<EntranceRef> entrances(EstateId estate);

    Optional<RegionRef> region(RegionId id);

    /** Regions whose path lies inside the scope (a region user) or that contain it. */
    List<RegionRef> regions(String scope);

    Optional<CompanyRef> company(CompanyId id);

    List<CompanyRef> companies();

    long countEstates();

    /** How many estates the scope holds. */
    long countEstates(String scope);

    void setEntranceOpen(EntranceId entrance, boolean open, String actor);

    long createRegion(Long parentId, RegionLevel level, String name, String actor);

    /** A head office (no parent) or branch; a branch is based where its parent is, a head office where not recorded. */
    default long createCompany(Long parentId, String name, String actor) {
        Long city = parentId == null ? null : company(new CompanyId(parentId)).map(CompanyRef::cityId).orElse(null);
        return createCompany(parentId, name, city, actor);
    }

    /** A head office or branch based in {@code cityId} (a CITY region; null: not recorded). */
    long createCompany(Long parentId, String name, Long cityId, String actor);

    long createEstate(EstateForm form, String actor);

    long createEntrance(EstateId estate, String name, EntranceKind kind, boolean open, String actor);

    void createBuilding(EstateId estate, String name, String actor);

    void createPickupPoint(EstateId estate, String name, String location, String actor);

    List<String> buildings(EstateId estate);

    List<String> pickupPoints(EstateId estate);

    /** Estate creation input; validated where it enters. */
    record EstateForm(String name, long communityId, long companyId, BigDecimal areaM2, String address,
                      String firstResponsible, String preventionAdmin, String observationPoint) {
    }
}
