package com.estateguard.common.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL that a previous run left serving the data folder. pg_ctl starts the server in a
 * session of its own, so when the JVM is killed (SIGKILL, the OOM killer, a crash) the server lives
 * on, keeps its {@code postmaster.pid}, and the next start waits in vain for a server that cannot
 * start. zonky calls {@link #stopIfAny} after it has locked the folder ({@code epg-lock}, released
 * only when its JVM ends) and before it starts its own server: while that lock is held no other
 * EstateGuard uses the folder, so a server still serving it is an orphan.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Path PROC = Path.of("/proc");
    private static final Duration CLEAN_STOP = Duration.ofSeconds(30);
    private static final Duration KILLED = Duration.ofSeconds(10);

    private OrphanedPostgres() {
    }

    static void stopIfAny(File dataDirectory) {
        Path dir = dataDirectory.toPath();
        Path pidFile = dir.resolve("postmaster.pid");
        // Without /proc (not Linux) nothing tells whose process a pid is, so nothing is touched.
        if (!Files.exists(pidFile) || !Files.isDirectory(PROC)) {
            return;
        }
        try {
            long pid = readPid(pidFile);
            Optional<String> name = runningProcessName(pid);
            if (name.isEmpty() || !name.get().equals("postgres")) {
                // PostgreSQL refuses to start while the pid in the file is alive, even when it was reused.
                log.warn("Removing stale {}: process {} is {}", pidFile, pid, name.map(n -> "now '" + n + "'").orElse("gone"));
                Files.deleteIfExists(pidFile);
            } else if (!servesFolder(pid, dir)) {
                log.warn("{} names PostgreSQL process {}, which does not (visibly) serve {}; leaving it alone", pidFile, pid, dir);
            } else {
                ProcessHandle.of(pid).ifPresent(server -> stop(server, dir));
                // After a kill the server could not remove it, and a pid not yet reaped would still block the start.
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(ProcessHandle server, Path dir) {
        log.warn("PostgreSQL process {} of a previous run that did not shut down still serves {}; stopping it", server.pid(), dir);
        // SIGTERM asks for a smart shutdown: its only client, the killed JVM, is gone, so it checkpoints and exits.
        server.destroy();
        if (awaitExit(server, CLEAN_STOP)) {
            log.warn("Stopped PostgreSQL process {} cleanly", server.pid());
            return;
        }
        log.warn("PostgreSQL process {} did not stop within {}; killing it and its server processes", server.pid(), CLEAN_STOP);
        // The backends are listed first: once the postmaster is dead they are no longer its descendants.
        // Nothing committed is lost: it is in the WAL, which the new server replays.
        List<ProcessHandle> backends = server.descendants().toList();
        server.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(server, KILLED)) {
            throw new IllegalStateException("Could not stop PostgreSQL process " + server.pid() + " serving " + dir
                    + "; stop it, then start again");
        }
    }

    private static boolean awaitExit(ProcessHandle server, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Java counts a zombie (exited, not yet reaped by its new parent, init) as alive; /proc does not.
        while (server.isAlive() && runningProcessName(server.pid()).isPresent()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping PostgreSQL process " + server.pid(), e);
            }
        }
        return true;
    }

    /** The first line of postmaster.pid, or -1 when a start crashed before writing it whole. */
    private static long readPid(Path pidFile) throws IOException {
        String first = Files.readAllLines(pidFile, StandardCharsets.ISO_8859_1).stream().findFirst().orElse("").trim();
        return first.matches("\\d{1,18}") ? Long.parseLong(first) : -1;
    }

    /** The name in /proc/<pid>/stat; empty when the process is gone or has exited and waits to be reaped. */
    private static Optional<String> runningProcessName(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.ISO_8859_1);
            int nameEnd = stat.lastIndexOf(')');
            char state = stat.charAt(nameEnd + 2);
            return state == 'Z' || state == 'X' ? Optional.empty() : Optional.of(stat.substring(stat.indexOf('(') + 1, nameEnd));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The postmaster works in its data folder, whatever spelling of the folder its -D had. */
    private static boolean servesFolder(long pid, Path dir) {
        try {
            return Files.isSameFile(PROC.resolve(pid + "/cwd"), dir);
        } catch (IOException e) {
            return false;
        }
    }
}
