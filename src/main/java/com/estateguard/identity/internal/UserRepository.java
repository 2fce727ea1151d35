package com.estateguard.identity.internal;

import com.estateguard.common.KeysetPage;
import com.estateguard.common.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private static final String SELECT = """
            SELECT id, username, password_hash, display_name, role, scope_path, estate_id, phone, enabled,
                   failed_attempts, locked_until, created_at, created_by FROM iam_user""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> byUsername(String username) {
        return jdbc.sql(SELECT + " WHERE username = :u").param("u", username).query(UserAccount.class).optional();
    }

    public Optional<UserAccount> byId(long id, String scope) {
        return jdbc.sql(SELECT + " WHERE id = :id AND scope_path LIKE :scope || '%'")
                .param("id", id).param("scope", scope).query(UserAccount.class).optional();
    }

    /**
     * One page of the accounts in scope in (scope path, role, username) order by keyset (issue 12 §3), filtered by a
     * text in the username or name and by role; the count stops at the cap.
     */
    public KeysetPage<UserAccount> search(String scope, String q, Role role, String after, String before, int size) {
        String query = q == null ? "" : q.trim();
        String where = " WHERE scope_path LIKE :scope || '%'"
                + (query.isEmpty() ? "" : " AND (username ILIKE '%' || :q || '%' OR display_name ILIKE '%' || :q || '%')")
                + (role == null ? "" : " AND role = :role");
        return KeysetPage.read(after, before, 3, size, (cursor, backwards, limit) -> {
            String seek = cursor == null ? "" : backwards ? " AND (scope_path, role, username) < (:p, :r, :u)"
                    : " AND (scope_path, role, username) > (:p, :r, :u)";
            var sql = filtered(jdbc.sql(SELECT + where + seek + (backwards ? " ORDER BY scope_path DESC, role DESC, username DESC"
                    : " ORDER BY scope_path, role, username") + " LIMIT :limit"), scope, query, role).param("limit", limit);
            if (cursor != null) {
                sql = sql.param("p", cursor[0]).param("r", cursor[1]).param("u", cursor[2]);
            }
            return sql.query(UserAccount.class).list();
        }, u -> KeysetPage.cursor(u.scopePath(), u.role(), u.username()),
                () -> filtered(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM iam_user" + where + " LIMIT " + (KeysetPage.COUNT_CAP + 1)
                        + ") capped"), scope, query, role).query(Long.class).single());
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, String scope, String q, Role role) {
        sql = sql.param("scope", scope);
        if (!q.isEmpty()) {
            sql = sql.param("q", q);
        }
        return role == null ? sql : sql.param("role", role.name());
    }

    public long insert(String username, String hash, String displayName, Role role, String scopePath, Long estateId,
                String phone, String actor) {
        return jdbc.sql("""
                        INSERT INTO iam_user (username, password_hash, display_name, role, scope_path, estate_id, phone, created_by)
                        VALUES (:u, :h, :d, :r, :s, :e, :p, :by) RETURNING id""")
                .param("u", username).param("h", hash).param("d", displayName).param("r", role.name())
                .param("s", scopePath).param("e", estateId).param("p", phone).param("by", actor)
                .query(Long.class).single();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM iam_user WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM iam_user").query(Long.class).single();
    }

    /** Counts a failure and locks the account when the limit is reached, in one statement. */
    void recordFailure(String username, int maxAttempts, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE iam_user SET failed_attempts = failed_attempts + 1,
                               locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END,
                               updated_at = now(), updated_by = 'login'
                         WHERE username = :u""")
                .param("max", maxAttempts).param("until", java.sql.Timestamp.from(lockUntil)).param("u", username).update();
    }

    void recordSuccess(String username) {
        jdbc.sql("UPDATE iam_user SET failed_attempts = 0, locked_until = NULL WHERE username = :u AND failed_attempts > 0")
                .param("u", username).update();
    }

    public void unlock(long id, String actor) {
        jdbc.sql("UPDATE iam_user SET failed_attempts = 0, locked_until = NULL, updated_at = now(), updated_by = :by WHERE id = :id")
                .param("by", actor).param("id", id).update();
    }

    public void setEnabled(long id, boolean enabled, String actor) {
        jdbc.sql("UPDATE iam_user SET enabled = :en, updated_at = now(), updated_by = :by WHERE id = :id")
                .param("en", enabled).param("by", actor).param("id", id).update();
    }
}
