package org.flyte.common.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file that a running PostgreSQL server keeps in its data directory, and
 * what the process it names is: the server of this very data directory, or something else that
 * happens to have that process id now.
 *
 * <p>The file's lines are PostgreSQL's ({@code src/include/utils/pidfile.h}, PostgreSQL 14): the
 * postmaster's pid, its data directory, its start time in seconds since the epoch, its port, its
 * socket directory, its listen address, its shared memory key and its status.
 *
 * @param file where the file is
 * @param pid the postmaster's process id
 * @param dataDir the data directory the postmaster was started on
 * @param started when the postmaster started
 */
record PostmasterPidFile(Path file, long pid, Path dataDir, Instant started) {

  static final String NAME = "postmaster.pid";

  /** How far a process's start time may be from the file's and still be that postmaster. */
  private static final Duration START_TOLERANCE = Duration.ofSeconds(5);

  /** What the process that the file names is. */
  enum Owner {
    /** No process has that pid: the file is stale, and PostgreSQL replaces it itself. */
    GONE,
    /** A PostgreSQL server of this data directory, started when the file says. */
    THIS_DATA_DIRECTORY,
    /** A process that is not this data directory's server (the pid was reused). */
    OTHER_PROCESS,
    /** A live process that cannot be inspected (another user's): leave it alone. */
    UNKNOWN
  }

  /** The pid file of {@code dataDir}, when there is a readable one. */
  static Optional<PostmasterPidFile> read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(NAME);
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (lines.size() < 3) {
      // A server writes the file in one go; a shorter one is being written or is garbage.
      return Optional.empty();
    }
    try {
      return Optional.of(
          new PostmasterPidFile(
              file,
              Long.parseLong(lines.get(0).strip()),
              Path.of(lines.get(1).strip()),
              Instant.ofEpochSecond(Long.parseLong(lines.get(2).strip()))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Who holds the pid now. Only a process whose executable is {@code postgres}, whose start time is
   * the file's, and whose data directory (from its command line, or else the file's) is {@code
   * dataDir} counts as this data directory's server.
   */
  Owner owner(Path ourDataDir) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return Owner.GONE;
    }
    ProcessHandle.Info info = handle.get().info();
    Optional<String> command = info.command();
    if (command.isEmpty()) {
      return Owner.UNKNOWN;
    }
    // Linux names an executable deleted since the start "<path> (deleted)".
    String executable = Path.of(command.get().replace(" (deleted)", "")).getFileName().toString();
    if (!executable.equals("postgres") && !executable.equals("postgres.exe")) {
      return Owner.OTHER_PROCESS;
    }
    Optional<Instant> processStart = info.startInstant();
    if (processStart.isPresent()
        && Duration.between(started, processStart.get()).abs().compareTo(START_TOLERANCE) > 0) {
      return Owner.OTHER_PROCESS;
    }
    Path served = info.arguments().flatMap(PostmasterPidFile::dataDirArgument).orElse(dataDir);
    return sameDirectory(served, ourDataDir) ? Owner.THIS_DATA_DIRECTORY : Owner.OTHER_PROCESS;
  }

  private static Optional<Path> dataDirArgument(String[] arguments) {
    for (int i = 0; i < arguments.length - 1; i++) {
      if (arguments[i].equals("-D")) {
        return Optional.of(Path.of(arguments[i + 1]));
      }
    }
    return Optional.empty();
  }

  private static boolean sameDirectory(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }
}
