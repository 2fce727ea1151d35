package com.estateguard.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * GateBenchmark's open loop in a JVM of its own ({@code -Dbench.load-jvm=separate}): the same schedule and client as
 * {@code GateBenchmark.Run.openLoop} (requests due at fixed intervals, 64 sender threads, one HTTP/1.1 keep-alive
 * client, latency from the time a request was due), so that the generator's own GC, JIT and dispatcher lag are not
 * the server's. Uses the JDK only: it runs from the compiled bench classes without the application's classpath.
 *
 * <p>Arguments: url, API key, request-tails file (one JSON tail per line, appended to {@code {"clientId":"<uuid>}),
 * rate per second, warm-up seconds, measured seconds, output file. The output's first line is
 * {@code lag <max dispatcher lag ns> <scheduled> <elapsed ns> <its CPU ns>}; then one line per measured request:
 * {@code <latency ns> <1 if HTTP 201 else 0>}.
 */
public final class GateLoadGenerator {

    private GateLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String key = args[1];
        List<String> tails = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
        double rate = Double.parseDouble(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        Path out = Path.of(args[6]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong threadNo = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(64, r -> new Thread(r, "bench-ol-" + threadNo.incrementAndGet()));
        try {
            if (warmup > 0) {
                openLoop(http, pool, uri, key, tails, rate, warmup);
            }
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            System.out.println("measuring");
            System.out.flush();
            long cpu = os.getProcessCpuTime();
            Result r = openLoop(http, pool, uri, key, tails, rate, seconds);
            cpu = os.getProcessCpuTime() - cpu;
            StringBuilder sb = new StringBuilder(r.latency.length * 12);
            sb.append("lag ").append(r.maxLag).append(' ').append(r.latency.length).append(' ').append(r.elapsed).append(' ').append(cpu).append('\n');
            for (int i = 0; i < r.latency.length; i++) {
                sb.append(r.latency[i]).append(' ').append(r.ok[i] ? 1 : 0).append('\n');
            }
            Files.writeString(out, sb);
        } finally {
            pool.shutdownNow();
        }
        System.exit(0);
    }

    private record Result(long[] latency, boolean[] ok, long maxLag, long elapsed) {
    }

    private static Result openLoop(HttpClient http, ExecutorService pool, URI uri, String key, List<String> tails,
                                   double rate, int seconds) throws InterruptedException {
        int n = (int) Math.round(rate * seconds);
        long interval = (long) (1e9 / rate);
        long[] latency = new long[n];
        boolean[] ok = new boolean[n];
        CountDownLatch done = new CountDownLatch(n);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long maxLag = 0;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, -wait);
            int idx = i;
            pool.execute(() -> {
                ok[idx] = post(http, uri, key, tails.get(ThreadLocalRandom.current().nextInt(tails.size())));
                latency[idx] = System.nanoTime() - due;
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        return new Result(latency, ok, maxLag, System.nanoTime() - start);
    }

    private static boolean post(HttpClient http, URI uri, String key, String tail) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + GateBenchmark.clientId() + tail, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
