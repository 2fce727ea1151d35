package com.estateguard.access.internal.renovation;

import com.estateguard.common.DomainException;

/** The day is outside the site's registered period: no one is admitted. */
public class SiteNotOpen extends DomainException {
    public SiteNotOpen() {
        super("site.error.closed");
    }
}
