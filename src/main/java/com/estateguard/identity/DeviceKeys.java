package com.estateguard.identity;

/**
 * API keys of checkpoint terminals (an integrated temperature and code reader at an entrance).
 * Other modules only ever install a known key, for the demo terminal; issuing, revoking and
 * authenticating keys stay inside identity.
 */
public interface DeviceKeys {

    /** Installs a key whose plain text is already known (the demo terminal's), bound to one entrance. */
    void issueSeeded(long entranceId, String name, String plainKey, String actor);
}
