package com.estateguard.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start does with a postmaster.pid that does not name an orphaned server of this folder. */
class OrphanedPostgresTest {

    @TempDir
    Path tmp;
    Path dataDir;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "reads processes from /proc");
        dataDir = Files.createDirectories(tmp.resolve("pg"));
    }

    @Test
    void aPidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writePidFile(gone.pid());

        OrphanedPostgres.stopIfAny(dataDir.toFile());

        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aPidFileNamingAProcessThatIsNotPostgresIsRemovedAndTheProcessLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            writePidFile(other.pid());

            OrphanedPostgres.stopIfAny(dataDir.toFile());

            assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aPostgresServingAnotherFolderIsLeftAlone() throws Exception {
        // A process named postgres working in another folder, as a server of another data folder does.
        Path postgres = Files.copy(Path.of("/bin/sleep"), tmp.resolve("postgres"), StandardCopyOption.COPY_ATTRIBUTES);
        Process server = new ProcessBuilder(postgres.toString(), "60").directory(tmp.toFile()).start();
        try {
            writePidFile(server.pid());

            OrphanedPostgres.stopIfAny(dataDir.toFile());

            assertThat(server.isAlive()).isTrue();
            assertThat(dataDir.resolve("postmaster.pid")).exists();
        } finally {
            server.destroyForcibly();
        }
    }

    private void writePidFile(long pid) throws IOException {
        Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + dataDir + "\n1764300000\n5432\n");
    }
}
