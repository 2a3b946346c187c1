package org.flyte.compiler.golden;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the golden data ({@code shared/testdata/compiler} next to the checkout, searched upwards
 * from the working directory) and reads its files.
 */
final class GoldenData {

  private static final Path ROOT = locate();

  private GoldenData() {}

  /** The golden folder {@code name} (e.g. {@code snacks-core}); skips the test when absent. */
  static Path folder(String name) {
    assumeTrue(
        ROOT != null,
        "compiler golden data not found: shared/testdata/compiler is not next to this checkout");
    Path folder = ROOT.resolve(name);
    assumeTrue(Files.isDirectory(folder), "golden folder missing: " + folder);
    return folder;
  }

  static <T extends Message.Builder> T readJson(Path file, T builder) {
    try {
      JsonFormat.parser().merge(Files.readString(file), builder);
      return builder;
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot parse " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("testdata").resolve("compiler");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
