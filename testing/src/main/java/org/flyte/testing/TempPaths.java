package org.flyte.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary directories and files that outlive one test (a Spring context's storage, a secrets
 * directory read at a context's start) and are removed, contents and all, when the test JVM exits.
 * A test that owns its path alone uses JUnit's {@code @TempDir} instead.
 */
public final class TempPaths {

  private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> CREATED.forEach(TempPaths::deleteTree), "temp-paths"));
  }

  private TempPaths() {}

  /** A new, empty directory under the system's temporary directory, removed at exit. */
  public static Path directory(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      CREATED.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new, empty file under the system's temporary directory, removed at exit. */
  public static Path file(String prefix, String suffix) {
    try {
      Path file = Files.createTempFile(prefix, suffix);
      CREATED.add(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // already gone, or unreadable: nothing more to do at exit
    }
  }
}
