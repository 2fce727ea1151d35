package com.estateguard.access.internal.renovation;

import com.estateguard.common.IllegalTransition;

/** The site already has the policy's number of workers on it (ACC-14); one must leave first. */
public class SiteFull extends IllegalTransition {
    public SiteFull(int cap) {
        super("site.error.full", cap);
    }
}
