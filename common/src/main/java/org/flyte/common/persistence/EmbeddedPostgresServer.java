package org.flyte.common.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease on an embedded PostgreSQL. There is at most one server per data directory in a JVM: the
 * first lease starts it, later leases share it, and closing the last lease stops it. This lets the
 * sandbox run admin, datacatalog and scheduler contexts on one server, and stops the server when a
 * standalone app's context closes.
 *
 * <p>The data directory is initialised when it holds no database yet and is otherwise reused as it
 * is; it is never cleaned.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  /** Running servers by data directory, with the number of open leases. */
  private static final Map<Path, Running> RUNNING = new HashMap<>();

  private static final class Running {
    final EmbeddedPostgres postgres;
    int leases;

    Running(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }
  }

  private final Path dataDir;
  private final int port;
  private boolean closed;

  private EmbeddedPostgresServer(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  /**
   * Starts the server for {@code dataDir}, or joins the one already running in this JVM.
   *
   * @param port the port to listen on when the server is started here, 0 for any free port
   */
  static EmbeddedPostgresServer lease(Path dataDir, int port) {
    Path dir = dataDir.toAbsolutePath().normalize();
    synchronized (RUNNING) {
      Running running = RUNNING.get(dir);
      if (running == null) {
        running = new Running(start(dir, port));
        RUNNING.put(dir, running);
      }
      running.leases++;
      return new EmbeddedPostgresServer(dir, running.postgres.getPort());
    }
  }

  private static EmbeddedPostgres start(Path dir, int port) {
    log.info("Starting the embedded PostgreSQL with data directory {}", dir);
    try {
      Files.createDirectories(dir);
      return EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setPort(port)
          // zonky turns this off for speed; the data directory is meant to keep its data.
          .setServerConfig("synchronous_commit", "on")
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Could not start the embedded PostgreSQL in "
              + dir
              + " ("
              + e.getMessage()
              + "). Another process may be using that directory, or a server left running by a"
              + " killed process (its pid is the first line of postmaster.pid there); or set"
              + " flyte.database.embedded.data-dir to another directory.",
          e);
    }
  }

  int port() {
    return port;
  }

  /** Ends this lease; the server stops when no lease remains. */
  @Override
  public void close() {
    synchronized (RUNNING) {
      if (closed) {
        return;
      }
      closed = true;
      Running running = RUNNING.get(dataDir);
      if (--running.leases > 0) {
        return;
      }
      RUNNING.remove(dataDir);
      log.info("Stopping the embedded PostgreSQL with data directory {}", dataDir);
      try {
        running.postgres.close();
      } catch (IOException e) {
        log.warn("Could not stop the embedded PostgreSQL in {}", dataDir, e);
      }
    }
  }
}
