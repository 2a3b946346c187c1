package org.flyte.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flyte.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's start and stop as a user meets them: after {@code kill -9} of the JVM,
 * after Ctrl-C, beside another process on the same directory, and beside processes that only look
 * like its server.
 */
class EmbeddedPostgresServerTest {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void aServerThatAKilledJvmLeftRunningIsStoppedAtTheNextStart() throws Exception {
    long orphan;
    try (ChildJvm child = ChildJvm.start(EmbeddedPostgresChild.class, "lease", dir.toString())) {
      child.await("READY", WAIT);
      orphan = pidFile(dir).orElseThrow().pid();
      child.process().destroyForcibly().waitFor();
    }
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
        .as("PostgreSQL outlives kill -9 of its JVM")
        .contains(true);

    Instant begin = Instant.now();
    EmbeddedPostgresServer server = EmbeddedPostgresServer.lease(dir, 0);
    try {
      assertThat(gone(orphan)).as("the orphan was stopped").isTrue();
      assertThat(pidFile(dir).orElseThrow().pid()).isNotEqualTo(orphan);
      assertConnects(server.port());
      assertThat(Duration.between(begin, Instant.now()))
          .as("no wait for a timeout")
          .isLessThan(Duration.ofSeconds(45));
    } finally {
      server.close();
    }
    assertThat(dir.resolve(PostmasterPidFile.NAME)).doesNotExist();
  }

  @Test
  void aSecondProcessOnTheSameDirectoryIsRefusedAndTheFirstKeepsItsServer() throws Exception {
    try (ChildJvm child = ChildJvm.start(EmbeddedPostgresChild.class, "lease", dir.toString())) {
      int port = Integer.parseInt(child.await("READY", WAIT).split(" ")[1]);

      assertThatThrownBy(() -> EmbeddedPostgresServer.lease(dir, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another running process")
          .hasMessageContaining("flyte.database.embedded.data-dir");
      assertConnects(port);
    }
  }

  @Test
  void aPidFileNamingAnotherLiveProcessIsRemovedAndThatProcessLeftAlone() throws Exception {
    initialise(dir);
    Process unrelated = new ProcessBuilder("sleep", "120").start();
    try {
      Files.write(
          dir.resolve(PostmasterPidFile.NAME),
          List.of(
              Long.toString(unrelated.pid()),
              dir.toString(),
              Long.toString(Instant.now().getEpochSecond()),
              "5432",
              "/tmp",
              "localhost",
              "0 0",
              "ready"));

      EmbeddedPostgresServer server = EmbeddedPostgresServer.lease(dir, 0);
      try {
        assertConnects(server.port());
      } finally {
        server.close();
      }
      assertThat(unrelated.isAlive()).isTrue();
    } finally {
      unrelated.destroyForcibly();
    }
  }

  @Test
  void theServerOfAnotherDataDirectoryIsLeftAlone(@TempDir Path other) throws Exception {
    initialise(dir);
    EmbeddedPostgresServer otherServer = EmbeddedPostgresServer.lease(other, 0);
    try {
      // This directory's pid file now names a live PostgreSQL, but of another directory.
      Files.copy(other.resolve(PostmasterPidFile.NAME), dir.resolve(PostmasterPidFile.NAME));

      EmbeddedPostgresServer server = EmbeddedPostgresServer.lease(dir, 0);
      try {
        assertConnects(server.port());
      } finally {
        server.close();
      }
      assertConnects(otherServer.port());
    } finally {
      otherServer.close();
    }
  }

  @Test
  void onSigtermTheAppStopsBeforeItsDatabase() throws Exception {
    try (ChildJvm child = ChildJvm.start(EmbeddedPostgresChild.class, "app", dir.toString())) {
      child.await("READY", WAIT);
      long postgres = pidFile(dir).orElseThrow().pid();

      Instant signal = Instant.now();
      child.terminate(); // SIGTERM, as `kill` sends

      assertThat(child.await("DRAINED", WAIT)).isEqualTo("DRAINED 42");
      assertThat(child.awaitExit(Duration.ofSeconds(30))).isTrue();
      assertThat(Duration.between(signal, Instant.now())).isLessThan(Duration.ofSeconds(10));
      assertThat(child.output()).doesNotContain("FAILED").doesNotContain("Exception");
      assertThat(gone(postgres)).isTrue();
      assertThat(dir.resolve(PostmasterPidFile.NAME)).doesNotExist();
    }
  }

  @Test
  void theServerLogGoesToAFileInTheDataDirectory() throws Exception {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.lease(dir, 0);
    server.close();
    assertThat(dir.resolve("log").resolve(EmbeddedPostgresProcess.LOG_FILE))
        .content()
        .contains("database system is ready to accept connections");
  }

  /**
   * Whether process {@code pid} ends within a few seconds (an exited one may wait to be reaped).
   */
  private static boolean gone(long pid) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        Thread.sleep(100);
      } else {
        return true;
      }
    }
    return false;
  }

  private static void initialise(Path dir) {
    EmbeddedPostgresServer.lease(dir, 0).close();
  }

  private static Optional<PostmasterPidFile> pidFile(Path dir) throws IOException {
    return PostmasterPidFile.read(dir);
  }

  private static void assertConnects(int port) throws SQLException {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
      assertThat(c.isValid(5)).isTrue();
    }
  }
}
