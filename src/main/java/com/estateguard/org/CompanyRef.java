package com.estateguard.org;

/**
 * A property company's head office (HQ) or branch. {@code cityId} is the city (a CITY region) where
 * this office is based; null when it is not recorded, which counts as local.
 */
public record CompanyRef(long id, Long parentId, String name, String kind, String path, Long cityId) {

    public boolean headOffice() {
        return parentId == null;
    }

    /** Based in that city, or not recorded (taken as local). */
    public boolean basedIn(long city) {
        return cityId == null || cityId == city;
    }
}
