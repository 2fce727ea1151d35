package com.estateguard.access.internal.rules;

import java.util.List;

/** One named rule of the checkpoint. Returns no reasons when the person passes it. */
public interface EntryRule {

    List<Reason> evaluate(EntryContext context);
}
