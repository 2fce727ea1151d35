package com.estateguard.identity.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.Role;
import com.estateguard.identity.DeviceKeys;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for smart terminals (ACC-07), issued and revoked by an estate administrator. The key
 * is shown once; only its SHA-256 is stored. Lookups are cached briefly for the gate's hot path;
 * a revocation clears the cache here at once (other instances within {@code cacheTtl}).
 */
@Service
public class DeviceKeyStore implements DeviceKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    DeviceKeyStore(JdbcClient jdbc, OrgDirectory org, Clock clock,
               @Value("${estateguard.api.key-cache-ttl:PT5S}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    public record DeviceKey(long id, long estateId, long entranceId, String entranceName, String name, String keyPrefix,
                            Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {
    }

    public record IssuedKey(long id, String plainKey) {
    }

    private record Cached(Optional<CurrentUser> device, Instant until) {
    }

    @Transactional
    public IssuedKey issue(long entranceId, String name, CurrentUser by) {
        EntranceRef entrance = org.entrance(new EntranceId(entranceId), by.scopePath())
                .orElseThrow(() -> new NotFoundException("entrance", entranceId));
        String prefix = HexFormat.of().formatHex(randomBytes(4));
        String key = "eg_" + prefix + "_" + HexFormat.of().formatHex(randomBytes(24));
        long id = jdbc.sql("""
                        INSERT INTO iam_device_key (estate_id, entrance_id, name, key_prefix, key_hash, created_by)
                        VALUES (:estate, :entrance, :name, :prefix, :hash, :by) RETURNING id""")
                .param("estate", entrance.estateId()).param("entrance", entranceId).param("name", name)
                .param("prefix", prefix).param("hash", sha256(key)).param("by", by.actor())
                .query(Long.class).single();
        return new IssuedKey(id, key);
    }

    /** For seeding a demo terminal with a key the README can show. */
    @Transactional
    @Override
    public void issueSeeded(long entranceId, String name, String plainKey, String actor) {
        EntranceRef entrance = org.entrance(new EntranceId(entranceId), "R/").orElseThrow(() -> new NotFoundException("entrance", entranceId));
        jdbc.sql("""
                        INSERT INTO iam_device_key (estate_id, entrance_id, name, key_prefix, key_hash, created_by)
                        VALUES (:estate, :entrance, :name, :prefix, :hash, :by)""")
                .param("estate", entrance.estateId()).param("entrance", entranceId).param("name", name)
                .param("prefix", plainKey.substring(3, 11)).param("hash", sha256(plainKey)).param("by", actor).update();
    }

    @Transactional
    public void revoke(long keyId, CurrentUser by) {
        int n = jdbc.sql("UPDATE iam_device_key SET revoked_at = now(), revoked_by = :by WHERE id = :id AND revoked_at IS NULL AND "
                        + EstateScope.where("estate_id"))
                .param("by", by.actor()).param("id", keyId).param("scope", EstateScope.bind(by.scopePath())).update();
        if (n == 0) {
            throw new NotFoundException("device key", keyId);
        }
        cache.clear();
    }

    public List<DeviceKey> list(String scope) {
        return jdbc.sql("""
                        SELECT k.id, k.estate_id, k.entrance_id, n.name AS entrance_name, k.name, k.key_prefix, k.created_at,
                               k.created_by, k.revoked_at, k.revoked_by
                          FROM iam_device_key k JOIN org_entrance n ON n.id = k.entrance_id
                         WHERE\s""" + EstateScope.where("k.estate_id") + " ORDER BY k.revoked_at NULLS FIRST, k.id DESC")
                .param("scope", EstateScope.bind(scope)).query(DeviceKey.class).list();
    }

    /** The device a presented key belongs to, if the key is known and not revoked. */
    public Optional<CurrentUser> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = sha256(presentedKey);
        Cached hit = cache.get(hash);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.device();
        }
        Optional<CurrentUser> device = jdbc.sql("""
                        SELECT k.id, k.name, k.estate_id, k.entrance_id, e.region_path
                          FROM iam_device_key k JOIN org_estate e ON e.id = k.estate_id
                         WHERE k.key_hash = :hash AND k.revoked_at IS NULL""")
                .param("hash", hash)
                .query((rs, i) -> new CurrentUser(rs.getLong("id"), "key-" + rs.getLong("id"), rs.getString("name"),
                        Role.DEVICE, rs.getString("region_path"), rs.getLong("estate_id"), rs.getLong("entrance_id")))
                .optional();
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(hash, new Cached(device, now.plus(cacheTtl)));
        return device;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
