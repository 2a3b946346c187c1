package org.flyte.common.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease on an embedded PostgreSQL. There is at most one server per data directory in a JVM: the
 * first lease starts it ({@link EmbeddedPostgresProcess}), later leases share it, and closing the
 * last lease stops it. This lets the sandbox run admin, datacatalog and scheduler contexts on one
 * server, and stops the server when a standalone app's context closes.
 *
 * <p>The server stops after the apps that use it: a context releases its lease when it closes,
 * after its servers have drained and its connection pool has closed. No shutdown hook races with
 * that. The one shutdown hook here is a safety net for servers whose leases nobody releases: at JVM
 * exit it waits up to {@link #EXIT_WAIT} for the contexts still closing, then stops what remains.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  /** How long the exit hook waits for the apps to release their leases. */
  static final Duration EXIT_WAIT = Duration.ofSeconds(30);

  /** Running servers by data directory, with the number of open leases. */
  private static final Map<Path, Running> RUNNING = new HashMap<>();

  private static boolean exitHookAdded;

  private static final class Running {
    final EmbeddedPostgresProcess process;
    int leases;

    Running(EmbeddedPostgresProcess process) {
      this.process = process;
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
        addExitHook();
        running = new Running(EmbeddedPostgresProcess.start(dir, port));
        RUNNING.put(dir, running);
      }
      running.leases++;
      return new EmbeddedPostgresServer(dir, running.process.port());
    }
  }

  int port() {
    return port;
  }

  /** Ends this lease; the server stops when no lease remains. */
  @Override
  public void close() {
    EmbeddedPostgresProcess last;
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
      RUNNING.notifyAll();
      last = running.process;
    }
    last.stop();
  }

  private static void addExitHook() {
    if (!exitHookAdded) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(EmbeddedPostgresServer::stopAtExit, "embedded-postgres-exit"));
      exitHookAdded = true;
    }
  }

  /** At JVM exit: lets closing contexts release their leases first, then stops what is left. */
  private static void stopAtExit() {
    List<EmbeddedPostgresProcess> left;
    synchronized (RUNNING) {
      long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
      long remaining;
      while (!RUNNING.isEmpty() && (remaining = deadline - System.nanoTime()) > 0) {
        try {
          RUNNING.wait(Math.max(1, remaining / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      left = new ArrayList<>();
      RUNNING.values().forEach(running -> left.add(running.process));
      RUNNING.clear();
    }
    for (EmbeddedPostgresProcess process : left) {
      log.info("Stopping the embedded PostgreSQL of {} at exit", process.dataDir());
      process.stop();
    }
  }
}
