package com.estateguard.emergency.internal.contacts;

import com.estateguard.common.DomainException;
import java.util.List;

/** The protocol does not release the person yet; the first rule that holds them is named, all are listed. */
public class ReleaseRefused extends DomainException {

    private final List<String> reasons;

    public ReleaseRefused(List<String> reasons) {
        super(reasons.get(0));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
