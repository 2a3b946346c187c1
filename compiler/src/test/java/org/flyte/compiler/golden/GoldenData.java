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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Finds the golden data and reads its files. The data is {@code
 * flytepropeller/pkg/compiler/test/testdata} of Flyte (github.com/flyteorg/flyte, tag v1.16.8),
 * outside this repository: the folder named by the system property {@value #DIR_PROPERTY}, or else
 * {@code shared/testdata/compiler} in the working directory or any directory above it (so {@code
 * ../shared/testdata/compiler} next to the checkout). Without it the golden tests are skipped,
 * visibly: each reports one skipped test that says where the data must be.
 */
final class GoldenData {

  /** The system property that names the golden folder (holding {@code snacks-core/} etc.). */
  static final String DIR_PROPERTY = "flyte.golden.dir";

  private GoldenData() {}

  /** The golden folder {@code name} (e.g. {@code snacks-core}); skips the test when absent. */
  static Path folder(String name) {
    Path folder = folderOrNull(name);
    assumeTrue(folder != null, absence(name));
    return folder;
  }

  /** The golden folder {@code name}, or null when it is absent ({@link #absent} then). */
  static Path folderOrNull(String name) {
    Path root = root();
    Path folder = root == null ? null : root.resolve(name);
    return folder != null && Files.isDirectory(folder) ? folder : null;
  }

  /**
   * What a {@code @TestFactory} returns when its golden folder is absent: one test, skipped with
   * the reason (a factory that only aborts would count as no test at all).
   */
  static Stream<DynamicTest> absent(String name) {
    return Stream.of(
        DynamicTest.dynamicTest("golden data " + name, () -> assumeTrue(false, absence(name))));
  }

  private static String absence(String name) {
    return "Flyte's compiler golden data ("
        + name
        + "/) is not here: copy flytepropeller/pkg/compiler/test/testdata of flyteorg/flyte v1.16.8"
        + " to ../shared/testdata/compiler next to this checkout, or run with -D"
        + DIR_PROPERTY
        + "=<that folder>";
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

  private static Path root() {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("testdata").resolve("compiler");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
