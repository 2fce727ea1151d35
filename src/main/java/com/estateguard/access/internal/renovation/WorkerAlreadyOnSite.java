package com.estateguard.access.internal.renovation;

import com.estateguard.common.IllegalTransition;

/** The worker was admitted today and has not left. */
public class WorkerAlreadyOnSite extends IllegalTransition {
    public WorkerAlreadyOnSite() {
        super("site.error.alreadyOnSite");
    }
}
