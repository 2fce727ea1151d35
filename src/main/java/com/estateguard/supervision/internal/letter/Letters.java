package com.estateguard.supervision.internal.letter;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.Role;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.SupervisionPermission;
import com.estateguard.supervision.internal.letter.Addressees.Addressee;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The responsibility letter (压实责任一封信, SPV-08): the association publishes it to every property
 * company in its scope with a deadline; the head of each addressed office signs it by answering
 * each question; the unsigned ledger (未签阅台账) and reminders are for the groups to follow up.
 */
@Service
@Transactional(readOnly = true)
public class Letters {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Boolean>> ANSWERS = new TypeReference<>() { };
    /** A letter is visible within its region (and above), and to the companies it is addressed to. */
    private static final String VISIBLE = """
            (l.scope_path LIKE :scope || '%' OR :scope LIKE l.scope_path || '%'
             OR EXISTS (SELECT 1 FROM sup_letter_recipient v WHERE v.letter_id = l.id AND v.company_path LIKE :scope || '%'))""";
    private static final String RECIPIENTS = """
            SELECT r.id, r.company_id, r.company_name, r.company_path, r.basis, r.signed_at, r.reminders,
                   s.signer_name, s.signature, s.answers::text AS answers, s.content_sha256, s.late,
                   (SELECT max(m.reminded_at) FROM sup_letter_reminder m WHERE m.recipient_id = r.id) AS last_reminded_at
              FROM sup_letter_recipient r LEFT JOIN sup_letter_signature s ON s.recipient_id = r.id
             WHERE r.letter_id = :letter ORDER BY r.company_path""";

    private final JdbcClient jdbc;
    private final LetterRecipientRepository recipients;
    private final OrgDirectory org;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    Letters(JdbcClient jdbc, LetterRecipientRepository recipients, OrgDirectory org, JsonMapper json, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.org = org;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    public record LetterSummary(long id, String title, String scopePath, Instant publishedAt, String publishedBy, Instant deadlineAt,
                                long addressed, long signed, boolean overdue) {
    }

    /** An office's line in the letter's table: signed (by whom, answers) or not (reminders). */
    public record RecipientRow(long id, long companyId, String companyName, String companyPath, SignerBasis basis, Instant signedAt,
                               int reminders, String signerName, String signature, List<Boolean> answers, String contentSha256,
                               boolean late, Instant lastRemindedAt) {

        public boolean signed() {
            return signedAt != null;
        }

        /** Questions answered "no": to follow up even though the head signed. */
        public long noAnswers() {
            return answers == null ? 0 : answers.stream().filter(a -> !a).count();
        }
    }

    public record Letter(long id, String scopePath, LetterText text, String contentText, String contentSha256, Instant deadlineAt,
                         Instant publishedAt, String publishedBy) {
    }

    /** A letter as the reader sees it: the offices they may see, and the one they may sign for (null if none). */
    public record LetterView(Letter letter, List<RecipientRow> recipients, RecipientRow mine, boolean overdue, boolean hashVerified,
                             Long supersedes, Long supersededBy) {

        public List<RecipientRow> unsigned() {
            return recipients.stream().filter(r -> !r.signed()).toList();
        }
    }

    public record Reminder(long recipientId, String companyName, String note, Instant remindedAt, String remindedBy) {
    }

    @Transactional
    public long publish(LetterForm form, CurrentUser by) {
        if (!by.can(SupervisionPermission.SUPERVISION_MANAGE) || by.role().level() != Role.Level.REGION) {
            throw new NotPermittedException();
        }
        LetterText text = form.text();
        if (text.questions().isEmpty() || text.questions().size() > 50) {
            throw new LetterInvalid("letter.error.questions");
        }
        Instant deadline = form.deadline().atZone(zone).toInstant();
        if (!deadline.isAfter(clock.instant())) {
            throw new LetterInvalid("letter.error.deadlinePast");
        }
        long city = Addressees.cityOf(by.scopePath());
        List<Addressee> to = Addressees.of(city, org.estates(by.scopePath()), org.companies());
        if (to.isEmpty()) {
            throw new LetterInvalid("letter.error.noCompanies");
        }
        Long supersedes = form.supersedes() == null ? null : replaceable(form.supersedes(), by);
        long id = insert(by, city, text, deadline, supersedes);
        recipients.saveAll(to.stream().map(a -> LetterRecipient.addressed(id, a)).toList());
        return id;
    }

    /** The letter as published; a second new version of the same letter loses to the first. */
    private long insert(CurrentUser by, long city, LetterText text, Instant deadline, Long supersedes) {
        try {
            return jdbc.sql("""
                            INSERT INTO sup_letter (scope_path, city_id, title, body, questions, closing, issuer, content_text,
                                                    content_sha256, deadline_at, supersedes_id, published_at, published_by)
                            VALUES (:scope, :city, :title, :body, cast(:questions AS jsonb), :closing, :issuer, :content, :sha,
                                    :deadline, :supersedes, :now, :by) RETURNING id""")
                    .param("scope", by.scopePath()).param("city", city).param("title", text.title()).param("body", text.body())
                    .param("questions", json.writeValueAsString(text.questions())).param("closing", text.closing())
                    .param("issuer", text.issuer()).param("content", text.canonical()).param("sha", text.sha256())
                    .param("deadline", Timestamp.from(deadline)).param("supersedes", supersedes)
                    .param("now", Timestamp.from(clock.instant())).param("by", by.actor()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new LetterChanged();
        }
    }

    /** A letter is replaced by one new version at most, by whoever may see it within its own region. */
    private long replaceable(long letterId, CurrentUser by) {
        Letter old = load(letterId, by);
        if (!old.scopePath().equals(by.scopePath()) || supersededBy(letterId) != null) {
            throw new LetterChanged();
        }
        return letterId;
    }

    private Long supersededBy(long letterId) {
        return jdbc.sql("SELECT id FROM sup_letter WHERE supersedes_id = :id").param("id", letterId).query(Long.class).optional().orElse(null);
    }

    /** The letter as published, to copy into a new version. */
    public Letter published(long id, CurrentUser user) {
        return load(id, user);
    }

    public List<LetterSummary> letters(CurrentUser user) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT l.id, l.title, l.scope_path, l.published_at, l.published_by, l.deadline_at FROM sup_letter l WHERE "
                        + VISIBLE + " ORDER BY l.published_at DESC, l.id DESC")
                .param("scope", scope(user))
                .query((rs, i) -> rs.getLong("id")).list().stream().map(id -> summary(id, user, now)).toList();
    }

    private LetterSummary summary(long id, CurrentUser user, Instant now) {
        LetterView v = letter(id, user);
        Letter l = v.letter();
        long signed = v.recipients().stream().filter(RecipientRow::signed).count();
        return new LetterSummary(id, l.text().title(), l.scopePath(), l.publishedAt(), l.publishedBy(), l.deadlineAt(),
                v.recipients().size(), signed, now.isAfter(l.deadlineAt()) && signed < v.recipients().size());
    }

    public LetterView letter(long id, CurrentUser user) {
        Letter letter = load(id, user);
        Predicate<RecipientRow> visible = visibleOffices(letter, user);
        List<RecipientRow> rows = jdbc.sql(RECIPIENTS).param("letter", id).query((rs, i) -> new RecipientRow(rs.getLong("id"),
                rs.getLong("company_id"), rs.getString("company_name"), rs.getString("company_path"), SignerBasis.valueOf(rs.getString("basis")),
                instant(rs.getTimestamp("signed_at")), rs.getInt("reminders"), rs.getString("signer_name"), rs.getString("signature"),
                rs.getString("answers") == null ? null : json.readValue(rs.getString("answers"), ANSWERS), rs.getString("content_sha256"),
                rs.getBoolean("late"), instant(rs.getTimestamp("last_reminded_at")))).list().stream().filter(visible).toList();
        RecipientRow mine = user.role() == Role.COMPANY_HEAD
                ? rows.stream().filter(r -> r.companyPath().equals(user.scopePath())).findFirst().orElse(null) : null;
        long previous = jdbc.sql("SELECT coalesce(supersedes_id, 0) FROM sup_letter WHERE id = :id").param("id", id).query(Long.class).single();
        Long supersedes = previous == 0 ? null : previous;
        return new LetterView(letter, rows, mine, clock.instant().isAfter(letter.deadlineAt()),
                LetterText.sha256(letter.contentText()).equals(letter.contentSha256()), supersedes, supersededBy(id));
    }

    /** A letter in force (not superseded) and how many of the offices the reader sees have not signed it. */
    public record UnsignedCount(long letterId, String title, Instant deadlineAt, boolean overdue, long unsigned) {
    }

    /**
     * The letters in force that the reader sees, published within the region or above it, with the offices
     * that have not signed, counted in SQL and cut as the letter's own page cuts them ({@link #visibleOffices}):
     * every office from the letter's region or above, a company its own offices, anyone else the offices of the
     * companies managing estates in their scope. Newest first. Without a region, every letter the reader sees.
     */
    public List<UnsignedCount> unsigned(String regionPath, CurrentUser user) {
        String scope = scope(user);
        String overlapping = (regionPath == null ? "" : " (l.scope_path LIKE :region || '%' OR :region LIKE l.scope_path || '%') AND")
                + " NOT EXISTS (SELECT 1 FROM sup_letter n WHERE n.supersedes_id = l.id) AND " + VISIBLE;
        List<String> below = jdbc.sql("SELECT l.scope_path FROM sup_letter l WHERE" + overlapping + " AND l.scope_path NOT LIKE :scope || '%'")
                .param("region", regionPath == null ? "" : regionPath).param("scope", scope).query(String.class).list();
        boolean company = user.role().level() == Role.Level.COMPANY;
        List<String> roots = company || below.isEmpty() ? List.of("-")
                : org.estates(scope).stream().map(e -> e.companyPath().split("/")[1]).distinct().toList();
        String offices = company ? "r.company_path LIKE :scope || '%'" : "split_part(r.company_path, '/', 2) IN (:roots)";
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT l.id, l.title, l.deadline_at,
                               count(r.id) FILTER (WHERE r.signed_at IS NULL
                                                     AND (l.scope_path LIKE :scope || '%' OR\s""" + offices + """
                        )) AS unsigned
                          FROM sup_letter l JOIN sup_letter_recipient r ON r.letter_id = l.id
                         WHERE""" + overlapping + " GROUP BY l.id ORDER BY l.published_at DESC, l.id DESC")
                .param("region", regionPath == null ? "" : regionPath).param("scope", scope).param("roots", roots)
                .query((rs, i) -> new UnsignedCount(rs.getLong("id"), rs.getString("title"), rs.getTimestamp("deadline_at").toInstant(),
                        now.isAfter(rs.getTimestamp("deadline_at").toInstant()), rs.getLong("unsigned")))
                .list();
    }

    /** The text exactly as hashed, for anyone to check the SHA-256 a head signed against. */
    public String contentText(long id, CurrentUser user) {
        return load(id, user).contentText();
    }

    @Transactional
    public void sign(long letterId, long recipientId, SignForm form, CurrentUser user) {
        Letter letter = load(letterId, user);
        LetterRecipient recipient = recipients.findByIdAndLetterId(recipientId, letterId)
                .orElseThrow(() -> new NotFoundException("recipient", recipientId));
        if (!recipient.isSigner(user)) {
            throw new NotTheSigner(recipient.companyName());
        }
        if (!letter.contentSha256().equals(form.contentSha256()) || !LetterText.sha256(letter.contentText()).equals(letter.contentSha256())
                || supersededBy(letterId) != null) {
            throw new LetterChanged();
        }
        List<Boolean> answers = form.answers() == null ? List.of() : form.answers();
        if (answers.size() != letter.text().questions().size() || answers.contains(null)) {
            throw new AnswersIncomplete(letter.text().questions().size());
        }
        Instant now = clock.instant();
        recipient.sign(user, now);
        save(recipient);
        jdbc.sql("""
                        INSERT INTO sup_letter_signature (recipient_id, letter_id, signer_user_id, signer_username, signer_name, signature,
                                                          answers, content_sha256, signed_at, late)
                        VALUES (:r, :l, :uid, :uname, :name, :sig, cast(:answers AS jsonb), :sha, :now, :late)""")
                .param("r", recipientId).param("l", letterId).param("uid", user.id()).param("uname", user.username())
                .param("name", user.displayName()).param("sig", form.signature().strip()).param("answers", json.writeValueAsString(answers))
                .param("sha", letter.contentSha256()).param("now", Timestamp.from(now)).param("late", now.isAfter(letter.deadlineAt()))
                .update();
    }

    /** A reminder to an office that has not signed (催签), recorded with who sent it and when. */
    @Transactional
    public void remind(long letterId, long recipientId, String note, CurrentUser by) {
        if (!by.can(SupervisionPermission.SUPERVISION_MANAGE)) {
            throw new NotPermittedException();
        }
        LetterView view = letter(letterId, by);
        if (view.recipients().stream().noneMatch(r -> r.id() == recipientId)) {
            throw new NotFoundException("recipient", recipientId);
        }
        LetterRecipient recipient = recipients.findByIdAndLetterId(recipientId, letterId).orElseThrow();
        recipient.remind();
        save(recipient);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 200) {
            throw new LetterInvalid("letter.error.note");
        }
        jdbc.sql("INSERT INTO sup_letter_reminder (recipient_id, letter_id, note, reminded_at, reminded_by) VALUES (:r, :l, :n, :now, :by)")
                .param("r", recipientId).param("l", letterId).param("n", text).param("now", Timestamp.from(clock.instant()))
                .param("by", by.actor()).update();
    }

    /** Every reminder of the letter to the offices the reader may see, newest first. */
    public List<Reminder> reminders(long letterId, CurrentUser user) {
        List<Long> visible = letter(letterId, user).recipients().stream().map(RecipientRow::id).toList();
        return jdbc.sql("""
                        SELECT m.recipient_id, r.company_name, m.note, m.reminded_at, m.reminded_by
                          FROM sup_letter_reminder m JOIN sup_letter_recipient r ON r.id = m.recipient_id
                         WHERE m.letter_id = :l ORDER BY m.reminded_at DESC, m.id DESC""")
                .param("l", letterId).query(Reminder.class).list().stream().filter(m -> visible.contains(m.recipientId())).toList();
    }

    private void save(LetterRecipient recipient) {
        try {
            recipients.save(recipient);
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw new LetterAlreadySigned(recipient.companyName());
        }
    }

    private Letter load(long id, CurrentUser user) {
        return jdbc.sql("""
                        SELECT l.id, l.scope_path, l.title, l.body, l.questions::text AS questions, l.closing, l.issuer, l.content_text,
                               l.content_sha256, l.deadline_at, l.published_at, l.published_by
                          FROM sup_letter l WHERE l.id = :id AND""" + " " + VISIBLE)
                .param("id", id).param("scope", scope(user))
                .query((rs, i) -> new Letter(rs.getLong("id"), rs.getString("scope_path"),
                        new LetterText(rs.getString("title"), rs.getString("body"), json.readValue(rs.getString("questions"), STRINGS),
                                rs.getString("closing"), rs.getString("issuer")),
                        rs.getString("content_text"), rs.getString("content_sha256"), rs.getTimestamp("deadline_at").toInstant(),
                        rs.getTimestamp("published_at").toInstant(), rs.getString("published_by")))
                .optional().orElseThrow(() -> new NotFoundException("letter", id));
    }

    /**
     * Which offices a reader sees: all of them from the letter's region or above; a company head
     * their own offices; anyone else (a street below the letter's city, an estate) the offices of
     * the companies managing estates in their scope.
     */
    private Predicate<RecipientRow> visibleOffices(Letter letter, CurrentUser user) {
        String scope = scope(user);
        if (letter.scopePath().startsWith(scope)) {
            return r -> true;
        }
        if (user.role().level() == Role.Level.COMPANY) {
            return r -> r.companyPath().startsWith(scope);
        }
        List<String> managing = org.estates(scope).stream().map(EstateRef::companyPath).toList();
        return r -> managing.stream().anyMatch(p -> p.startsWith(rootPath(r.companyPath())));
    }

    /** "C/3/7/" belongs to head office "C/3/". */
    private static String rootPath(String companyPath) {
        return "C/" + companyPath.split("/")[1] + "/";
    }

    private static String scope(CurrentUser user) {
        String scope = user.scopePath();
        if (scope == null || scope.isBlank() || !scope.endsWith("/")) {
            throw new IllegalStateException("a data scope is required");
        }
        return scope;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
