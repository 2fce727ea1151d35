package com.estateguard.emergency;

import com.estateguard.org.EstateId;
import java.util.List;

/**
 * Emergency's port to the places of an estate (楼栋大堂, 电梯, 垃圾站…), so an incident can close the
 * ones the case visited. Emergency owns it; the module that keeps the places (hygiene) implements it.
 */
public interface EstatePlaces {

    /** A place as an incident names it. */
    record EstatePlace(long id, String name, String type) {
    }

    /** The estate's active places, by name. */
    List<EstatePlace> of(EstateId estate);
}
