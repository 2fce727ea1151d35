package com.estateguard.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.Direction;
import com.estateguard.access.Verdict;
import com.estateguard.access.internal.rules.EntryDecision;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.PolicyPreset;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concurrent checks written in batches (issue 12 section 4, {@link CheckCommits}): every check stored once and answered
 * with its own decision and id, and only once it is committed; the same client id twice in one batch stored once and
 * both answered with it; a row that fails does not fail the others of its batch; a retry after the window still
 * answers the stored check. The API's tests run with coalescing on or off ({@code estateguard.gate.coalesce.enabled});
 * the batch tests drive the writer directly, so they hold either way.
 */
@IntegrationTest
class CheckCommitsTest {

    private static final Pattern CHECK_ID = Pattern.compile("\"checkId\":(\\d+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    CheckCommits commits;
    @Autowired
    DataSource dataSource;

    TestData.Estate estate;

    @BeforeEach
    void anEstate() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
    }

    @Test
    void sixteenTerminalsAtOnceEachCheckStoredOnceAndAnsweredWithItsOwnDecisionAfterItsCommit() throws Exception {
        // A fever refusal alone: how many follow-ups the policy opens for it.
        long alone = checkId(post(UUID.randomUUID(), "38.4").body());
        long followUpsPerFever = followUps(alone);
        assertThat(followUpsPerFever).isPositive();

        int threads = 16;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Sent>>> work = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                start.await();
                TestClient terminal = estate.terminal(port);
                List<Sent> sent = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    UUID client = UUID.randomUUID();
                    boolean fever = (thread + i) % 4 == 0;
                    var response = terminal.postJson("/api/v1/checks", check(client, fever ? "38.3" : "36.5"));
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    long id = checkId(response.body());
                    // Answered only once stored: another connection sees the row at once.
                    assertThat(jdbc.sql("SELECT check_id FROM access_check_client WHERE client_id = ?").param(client)
                            .query(Long.class).list()).containsExactly(id);
                    assertThat(response.body()).contains(fever ? "\"verdict\":\"REFUSE\"" : "\"verdict\":\"ALLOW\"")
                            .contains("\"clientId\":\"" + client + "\"");
                    sent.add(new Sent(client, id, fever));
                }
                return sent;
            }));
        }
        start.countDown();
        List<Sent> all = new ArrayList<>();
        for (var f : work) {
            all.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(all).hasSize(threads * each);
        Set<Long> ids = new HashSet<>();
        all.forEach(s -> ids.add(s.id()));
        assertThat(ids).hasSize(threads * each);
        long stored = jdbc.sql("SELECT count(*) FROM access_check WHERE estate_id = ? AND id <> ?").param(estate.id()).param(alone)
                .query(Long.class).single();
        assertThat(stored).isEqualTo(threads * each);
        for (Sent s : all) {
            var row = jdbc.sql("SELECT client_id::text || ' ' || decision FROM access_check WHERE id = ? AND estate_id = ?")
                    .param(s.id()).param(estate.id()).query(String.class).single();
            assertThat(row).isEqualTo(s.client() + " " + (s.fever() ? "REFUSE" : "ALLOW"));
            assertThat(followUps(s.id())).as("follow-ups of %s", s.id()).isEqualTo(s.fever() ? followUpsPerFever : 0);
        }
        if (commits.enabled()) {
            assertThat(commits.largestBatch()).as("checks written together").isGreaterThan(1);
        }
    }

    @Test
    void theSameClientIdSentEightTimesAtOnceIsStoredOnceAndEveryAnswerIsThatCheck() throws Exception {
        UUID client = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestClient.Response>> answers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            answers.add(pool.submit(() -> {
                start.await();
                return estate.terminal(port).postJson("/api/v1/checks", check(client, "36.6"));
            }));
        }
        start.countDown();
        Set<Long> ids = new HashSet<>();
        int created = 0;
        for (var a : answers) {
            var response = a.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isIn(200, 201);
            created += response.status() == 201 ? 1 : 0;
            ids.add(checkId(response.body()));
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(ids).hasSize(1);
        assertThat(jdbc.sql("SELECT id FROM access_check WHERE client_id = ?").param(client).query(Long.class).list())
                .containsExactlyElementsOf(ids);
    }

    @Test
    void aBatchHoldingTheSameClientIdTwiceAndARowThatFailsStoresTheOthersAndAnswersEachOnItsOwn() throws Exception {
        long policy = jdbc.sql("SELECT policy_version_id FROM access_check WHERE id = ?")
                .param(checkId(post(UUID.randomUUID(), "36.5").body())).query(Long.class).single();
        UUID twice = UUID.randomUUID();
        List<CheckRepository.NewCheck> rows = List.of(
                row(UUID.randomUUID(), policy), row(twice, policy), row(twice, policy), row(UUID.randomUUID(), policy));
        assertThat(batchOf(rows, true)).containsExactly(false, false, false, false);   // every one answered
        List<Optional<Long>> answers = lastAnswers;
        assertThat(answers.get(0)).isPresent();
        assertThat(answers.get(1)).isPresent();
        assertThat(answers.get(2)).as("the second of the same client id: a retry of the first").isEmpty();
        assertThat(jdbc.sql("SELECT id FROM access_check WHERE client_id = ?").param(twice).query(Long.class).list())
                .containsExactly(answers.get(1).orElseThrow());

        // A row the database refuses (a name holding a NUL character, which no text column can store; the API refuses
        // it before, this is the writer's last line) fails its batch's insert: the others are stored, it alone fails.
        CheckRepository.NewCheck good = row(UUID.randomUUID(), policy);
        CheckRepository.NewCheck bad = new CheckRepository.NewCheck(UUID.randomUUID(), good.estateId(), good.entranceId(), null,
                null, good.occurredAt(), good.direction(), good.category(), "批量\u0000测试", null, null, null, null, good.evidence(),
                good.decision(), policy, null, "test");
        List<CheckRepository.NewCheck> withABadOne = List.of(good, bad, row(UUID.randomUUID(), policy));
        assertThat(batchOf(withABadOne, true)).containsExactly(false, true, false);
        for (int i : new int[] {0, 2}) {
            assertThat(jdbc.sql("SELECT id FROM access_check WHERE client_id = ?").param(withABadOne.get(i).clientId())
                    .query(Long.class).list()).containsExactly(lastAnswers.get(i).orElseThrow());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM access_check_client WHERE client_id = ?").param(withABadOne.get(1).clientId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRetryAfterTheWindowIsAnsweredWithTheStoredCheck() {
        UUID client = UUID.randomUUID();
        var first = estate.terminal(port).postJson("/api/v1/checks", check(client, "38.5"));
        assertThat(first.status()).isEqualTo(201);
        String sentBody = check(client, "38.5");
        assertThat(sentBody).contains("occurredAt");
        clock.advance(Duration.ofHours(30));
        var again = estate.terminal(port).postJson("/api/v1/checks", sentBody);
        assertThat(again.status()).isEqualTo(200);
        assertThat(checkId(again.body())).isEqualTo(checkId(first.body()));
        assertThat(again.body()).contains("\"replayed\":true").contains("\"verdict\":\"REFUSE\"");
    }

    private List<Optional<Long>> lastAnswers;

    /**
     * The rows written as ONE batch through {@link CheckCommits#write}: the writer is held busy by a first check while
     * the table of client ids is locked, the rows queue behind it, and the lock is let go. Returns per row whether
     * its write failed; the answers are kept in {@link #lastAnswers}.
     */
    private List<Boolean> batchOf(List<CheckRepository.NewCheck> rows, boolean expectTogether) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(rows.size() + 1);
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE access_check_client IN EXCLUSIVE MODE");
            }
            long policy = rows.get(0).policyVersionId();
            Future<Optional<Long>> holder = pool.submit(() -> commits.write(row(UUID.randomUUID(), policy)));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!commits.busy() || commits.queued() != 0) {   // the holder's batch is taken and waits on the lock
                assertThat(System.nanoTime()).as("the holder writing").isLessThan(until);
                Thread.sleep(5);
            }
            List<Future<Optional<Long>>> futures = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                var row = rows.get(i);
                futures.add(pool.submit(() -> commits.write(row)));
                awaitQueued(i + 1);
            }
            lock.rollback();
            assertThat(holder.get(30, TimeUnit.SECONDS)).isPresent();
            List<Boolean> failed = new ArrayList<>();
            List<Optional<Long>> answers = new ArrayList<>();
            for (var f : futures) {
                try {
                    answers.add(f.get(30, TimeUnit.SECONDS));
                    failed.add(false);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(DataIntegrityViolationException.class);
                    answers.add(null);
                    failed.add(true);
                }
            }
            lastAnswers = answers;
            if (expectTogether) {
                assertThat(commits.largestBatch()).isGreaterThanOrEqualTo(rows.size());
            }
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitQueued(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (commits.queued() != n) {
            assertThat(System.nanoTime()).as("%d checks queued", n).isLessThan(until);
            Thread.sleep(5);
        }
    }

    private CheckRepository.NewCheck row(UUID client, long policy) {
        return new CheckRepository.NewCheck(client, estate.id(), estate.southGate(), null, null,
                clock.instant().truncatedTo(ChronoUnit.MICROS), Direction.IN, EntrantCategory.VISITOR, "批量测试", null, null,
                null, null, new Evidence(null, null, null, null, null, true), new EntryDecision(Verdict.ALLOW, List.of()),
                policy, null, "test");
    }

    private record Sent(UUID client, long id, boolean fever) {
    }

    private long followUps(long checkId) {
        return jdbc.sql("SELECT count(*) FROM access_follow_up WHERE check_id = ?").param(checkId).query(Long.class).single();
    }

    private TestClient.Response post(UUID client, String celsius) {
        return estate.terminal(port).postJson("/api/v1/checks", check(client, celsius));
    }

    private static long checkId(String body) {
        Matcher m = CHECK_ID.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String check(UUID client, String celsius) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"测试访客",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"5号楼探亲","symptoms":false},"mask":true},"occurredAt":"%s"}"""
                .formatted(client, estate.southGate(), celsius, clock.instant().minus(10, ChronoUnit.HOURS), clock.instant());
    }
}
