package com.estateguard.org;

import java.math.BigDecimal;

/** An estate (小区 / 物业项目) as other modules see it. */
public record EstateRef(long id, String name, long regionId, String regionName, long companyId, String companyName,
                        BigDecimal areaM2, String address, String regionPath, String companyPath,
                        String firstResponsible, String preventionAdmin, String observationPoint) {
}
