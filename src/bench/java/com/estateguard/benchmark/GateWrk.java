package com.estateguard.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's closed-loop steps driven by wrk (-Dbench.generator=wrk), as issue 12 measured both the gate and the
 * do-nothing peer (src/bench/peer/run.sh): two wrk threads, c connections, each request a new client id and one of the
 * demo people, the terminal's key. wrk is a separate process written in C, so the load it puts on the two cores is a
 * fraction of the benchmark's own HttpClient's (about 250 µs of CPU per check in the same JVM as the server); its CPU
 * is read when it exits (this JVM's waited-for children in /proc/self/stat) and shown as load-gen. Latencies are
 * wrk's percentiles (--latency); the count of checks is the coalescing writer's, so only checks stored count.
 */
final class GateWrk {

    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path script;
    private final Path openLoopScript;
    private final String url;

    private GateWrk(Path script, Path openLoopScript, String url) {
        this.script = script;
        this.openLoopScript = openLoopScript;
        this.url = url;
    }

    /** wrk's script for these people and this terminal's key, written once under target/. */
    static GateWrk prepare(List<GateBenchmark.Person> people, String deviceKey, String url) throws IOException {
        StringBuilder lua = new StringBuilder("""
                -- Written by GateBenchmark (-Dbench.generator=wrk): POST /api/v1/checks, a new client id every request.
                local tails = {
                """);
        for (GateBenchmark.Person p : people) {
            lua.append("  [==[").append(p.requestTail()).append("]==],\n");
        }
        lua.append("}\nlocal key = [==[").append(deviceKey).append("]==]\n")
                .append("local v7 = ").append(GateBenchmark.CLIENT_IDS_V7).append("\n").append("""
                local threads = 0
                local all = {}
                function setup(thread)
                  threads = threads + 1
                  thread:set("seed", threads)
                  table.insert(all, thread)
                end
                function init(args)
                  math.randomseed(os.time() * 1000 + (seed or 0) * 7919)
                  wrk.method = "POST"
                  wrk.headers["Content-Type"] = "application/json"
                  wrk.headers["Accept"] = "application/json"
                  wrk.headers["X-Api-Key"] = key
                end
                local function h(n) return string.format("%0" .. n .. "x", math.random(0, 16 ^ n - 1)) end
                local n = 0
                local function uuid()
                  if v7 then   -- time-ordered (version 7): milliseconds from the second and a per-thread count
                    n = n + 1
                    local ms = os.time() * 1000 + n % 1000
                    return string.format("%08x", math.floor(ms / 65536)) .. "-" .. string.format("%04x", ms % 65536)
                      .. "-7" .. h(3) .. "-" .. string.format("%x", math.random(8, 11)) .. h(3) .. "-" .. h(4) .. h(4) .. h(4)
                  end
                  return h(4) .. h(4) .. "-" .. h(4) .. "-4" .. h(3) .. "-" .. string.format("%x", math.random(8, 11)) .. h(3)
                    .. "-" .. h(4) .. h(4) .. h(4)
                end
                function request()
                  return wrk.format(nil, nil, nil, '{"clientId":"' .. uuid() .. tails[math.random(1, #tails)])
                end
                """);
        Path file = Path.of("target", "gate-wrk.lua").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        Path open = Path.of("target", "gate-wrk-open.lua").toAbsolutePath();
        Files.writeString(open, lua + OPEN_LOOP, StandardCharsets.UTF_8);
        return new GateWrk(file, open, url);
    }

    /**
     * The open loop's part of the script: each wrk thread sends at its share of the rate, request k of a thread due at
     * start + k * interval on the monotonic clock (LuaJIT's FFI, clock_gettime). A connection that is free asks
     * {@code delay()} for the next due request and waits until it is due (wrk's timers count whole milliseconds, so a
     * send is up to 1 ms late). With enough connections one is always free and every request is sent when due, so wrk's
     * latency, which runs from the send, is the latency from when the request was due; a send later than 1 ms is counted
     * ({@code late}, {@code maxlate}) and reported, so a run in which the schedule slipped shows it. {@code done()}
     * prints the latency's 0.1th to 100th percentiles for the report.
     */
    private static final String OPEN_LOOP = """
            local ffi = require("ffi")
            ffi.cdef[[
            typedef struct { long tv_sec; long tv_nsec; } eg_timespec;
            int clock_gettime(int clk, eg_timespec *tp);
            ]]
            local ts = ffi.new("eg_timespec")
            local function now_ms()
              ffi.C.clock_gettime(1, ts)   -- CLOCK_MONOTONIC
              return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
            end
            interval_ms = nil   -- this thread's share of the rate: wrk ... -- <rate per second> <threads>
            local common_init = init
            function init(args)
              common_init(args)
              interval_ms = 1000 * tonumber(args[2]) / tonumber(args[1])
            end
            start_ms = nil
            sent = 0
            late = 0
            maxlate = 0
            function delay()
              local now = now_ms()
              if start_ms == nil then start_ms = now + 50 end
              local due = start_ms + sent * interval_ms
              sent = sent + 1
              local d = due - now
              if d < -1 then
                late = late + 1
                if -d > maxlate then maxlate = -d end
              end
              if d <= 0 then return 0 end
              return math.ceil(d)
            end
            function done(summary, latency, requests)
              local l, m, s = 0, 0, 0
              for _, t in ipairs(all) do
                l = l + t:get("late")
                m = math.max(m, t:get("maxlate"))
                s = s + t:get("sent")
              end
              io.write(string.format("OPENLOOP late %d maxlate_us %d claimed %d requests %d\\n", l, math.floor(m * 1000), s,
                summary.requests))
              for i = 1, 999 do
                io.write(string.format("P %d %d\\n", i, latency:percentile(i / 10)))
              end
              io.write(string.format("P 1000 %d\\n", latency.max))   -- (wrk's percentile(100) is 0)
            end
            """;

    /** wrk on the path, or why not. */
    static String unavailable() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return null;
        } catch (IOException e) {
            return "wrk not found (Debian: apt-get install wrk): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * One closed-loop step. {@code storedChecks} reads the checks stored so far (the coalescing writer's count); the
     * CPU snapshots are this JVM's threads and PostgreSQL, as for the other steps, with wrk's CPU moved from
     * "others" to "load-gen".
     */
    GateBenchmark.Throughput step(int concurrency, int seconds, Path pgDataDir, LongSupplier storedChecks)
            throws IOException, InterruptedException {
        long childrenBefore = waitedChildrenTicks();
        long checksBefore = storedChecks.getAsLong();
        GateBenchmark.CpuSnapshot before = GateBenchmark.CpuSnapshot.take(pgDataDir);
        long start = System.nanoTime();
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + concurrency, "-d" + seconds + "s", "--latency", "--timeout", "10s",
                "-s", script.toString(), url).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = wrk.waitFor();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long checks = storedChecks.getAsLong() - checksBefore;
        GateBenchmark.CpuUse cpu = GateBenchmark.CpuSnapshot.between(before, GateBenchmark.CpuSnapshot.take(pgDataDir), checks);
        if (cpu != null) {
            long wrkMicros = (waitedChildrenTicks() - childrenBefore) * 10_000;
            cpu.micros().merge("load-gen", wrkMicros, Long::sum);
            cpu.micros().merge("others", -wrkMicros, Long::sum);
        }
        long errors = count(NON_2XX, out) + socketErrors(out) + (exit == 0 ? 0 : 1);
        if (exit != 0 || errors > 0) {
            System.err.println("wrk c=" + concurrency + " (exit " + exit + "):\n" + out);
        }
        return new GateBenchmark.Throughput("API (wrk)", concurrency, checks, errors, elapsed, percentiles(out), cpu);
    }

    private static final Pattern OPEN_LOOP_LINE = Pattern.compile("^OPENLOOP late (\\d+) maxlate_us (\\d+) claimed (\\d+) requests (\\d+)$",
            Pattern.MULTILINE);
    private static final Pattern PERMILLE = Pattern.compile("^P (\\d+) (\\d+)$", Pattern.MULTILINE);

    /**
     * The open loop from wrk (its own process, two threads, {@code connections} connections): {@code rate} requests per
     * second for {@code seconds}, each due at a fixed time (see {@link #OPEN_LOOP}). The latencies come back as wrk's
     * 0.1th to 100th percentiles (1,000 values, in order, so {@link GateBenchmark#pct} reads p50 to p99.9 from them);
     * the dispatcher's lag is the latest send; the CPU is the step's, wrk's moved to load-gen.
     */
    GateBenchmark.Run.OpenLoop openLoop(double rate, int seconds, int connections, Path pgDataDir)
            throws IOException, InterruptedException {
        long childrenBefore = waitedChildrenTicks();
        GateBenchmark.CpuSnapshot before = GateBenchmark.CpuSnapshot.take(pgDataDir);
        long start = System.nanoTime();
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", openLoopScript.toString(), url, "--", String.format(Locale.ROOT, "%.3f", rate), "2")
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = wrk.waitFor();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Matcher head = OPEN_LOOP_LINE.matcher(out);
        if (exit != 0 || !head.find()) {
            throw new IllegalStateException("wrk's open loop failed (exit " + exit + "):\n" + out);
        }
        long late = Long.parseLong(head.group(1));
        long maxLateMicros = Long.parseLong(head.group(2));
        long claimed = Long.parseLong(head.group(3));
        int requests = Integer.parseInt(head.group(4));
        GateBenchmark.CpuUse cpu = GateBenchmark.CpuSnapshot.between(before, GateBenchmark.CpuSnapshot.take(pgDataDir), requests);
        if (cpu != null) {
            long wrkMicros = (waitedChildrenTicks() - childrenBefore) * 10_000;
            cpu.micros().merge("load-gen", wrkMicros, Long::sum);
            cpu.micros().merge("others", -wrkMicros, Long::sum);
        }
        long[] permille = new long[1000];
        Matcher p = PERMILLE.matcher(out);
        while (p.find()) {
            permille[Integer.parseInt(p.group(1)) - 1] = Long.parseLong(p.group(2)) * 1000;
        }
        long errors = count(NON_2XX, out) + socketErrors(out);
        if (errors > 0) {
            System.err.println("wrk open loop:\n" + out.lines().filter(l -> !l.startsWith("P ")).collect(java.util.stream.Collectors.joining("\n")));
        }
        String schedule = String.format(Locale.ROOT, "wrk's schedule: %d requests due, %d sent more than 1 ms late (latest %.1f ms)"
                + " over %d connections; wrk's latency runs from the send, so it is the latency from when due only while"
                + " that count stays near 0", claimed, late, maxLateMicros / 1000.0, connections);
        return new GateBenchmark.Run.OpenLoop(rate, requests / elapsed, requests, errors, permille, maxLateMicros * 1000,
                cpu, schedule);
    }

    /**
     * wrk's 50/75/90/99th percentiles as 100 sorted values, so that {@link GateBenchmark#pct} of 50, 90 and 99 returns
     * them (values between are the next percentile up: only those three are read).
     */
    static long[] percentiles(String wrkOutput) {
        long p50 = 0;
        long p75 = 0;
        long p90 = 0;
        long p99 = 0;
        Matcher m = PERCENTILE.matcher(wrkOutput);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            long nanos = (long) (v * switch (m.group(3)) {
                case "us" -> 1e3;
                case "ms" -> 1e6;
                default -> 1e9;
            });
            switch (m.group(1)) {
                case "50" -> p50 = nanos;
                case "75" -> p75 = nanos;
                case "90" -> p90 = nanos;
                default -> p99 = nanos;
            }
        }
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i < 50 ? p50 : i < 75 ? p75 : i < 90 ? p90 : p99;
        }
        return values;
    }

    private static long count(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long socketErrors(String out) {
        Matcher m = SOCKET_ERRORS.matcher(out);
        if (!m.find()) {
            return 0;
        }
        long n = 0;
        for (int g = 1; g <= 4; g++) {
            n += Long.parseLong(m.group(g));
        }
        return n;
    }

    /** cutime + cstime of this JVM: the CPU of child processes it has waited for (wrk, once it exits). */
    private static long waitedChildrenTicks() throws IOException {
        String s = Files.readString(Path.of("/proc/self/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "wrk -t2 --latency -s %s %s", script, url);
    }
}
