package org.flyte.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Python venv with flytekit that the tests driving the real SDK use: {@code E2E_VENV} (as
 * {@code e2e/lib.bash} names it), else {@code RUNNER_TEST_VENV}, else the repository's {@code
 * .e2e/venv}, which {@code e2e/lib.bash} creates. Those tests skip without one, saying so, unless
 * {@code FLYTEKIT_TESTS=required} ({@code e2e/flytekit-tests.sh} runs them that way after creating
 * the venv), when a missing venv is an error.
 */
public final class FlytekitVenv {

  private FlytekitVenv() {}

  /** The venv, or empty when there is none (an error when the tests are required). */
  public static Optional<Path> find() {
    Optional<Path> venv =
        Stream.concat(
                Stream.of(System.getenv("E2E_VENV"), System.getenv("RUNNER_TEST_VENV"))
                    .filter(v -> v != null && !v.isEmpty())
                    .map(Path::of),
                repositoryRoot().map(root -> root.resolve(".e2e/venv")).stream())
            .filter(v -> Files.isExecutable(v.resolve("bin/pyflyte-execute")))
            .findFirst();
    if (venv.isEmpty() && "required".equals(System.getenv("FLYTEKIT_TESTS"))) {
      throw new IllegalStateException(
          "FLYTEKIT_TESTS=required but no venv with flytekit: set E2E_VENV or create .e2e/venv");
    }
    return venv;
  }

  /** Why a test is skipped without a venv. */
  public static String missing(String test) {
    return "no flytekit venv (set E2E_VENV, or run e2e/flytekit-tests.sh): " + test + " skipped";
  }

  private static Optional<Path> repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("e2e/lib.bash"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }
}
