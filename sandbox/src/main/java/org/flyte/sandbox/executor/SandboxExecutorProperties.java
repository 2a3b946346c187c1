package org.flyte.sandbox.executor;

import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's executor settings, {@code flyte.sandbox.*} (also from the environment: {@code
 * FLYTE_SANDBOX_EXECUTOR}, {@code FLYTE_SANDBOX_RUNNER_PYTHON}, ...).
 *
 * @param executor {@code local} (default): executions run in the sandbox's local runner; {@code
 *     kubernetes}: the sandbox adds no executor, and FlyteAdmin's own Kubernetes configuration
 *     ({@code flyte.clusters.*}, {@code flyte.server.kube-config}) decides
 * @param runner the local runner's settings
 */
@ConfigurationProperties(prefix = "flyte.sandbox")
public record SandboxExecutorProperties(
    @DefaultValue("local") String executor, @DefaultValue Runner runner) {

  /** The value of {@link #executor()} that selects the local runner. */
  public static final String LOCAL = "local";

  /** The value of {@link #executor()} that leaves executions to Kubernetes. */
  public static final String KUBERNETES = "kubernetes";

  public SandboxExecutorProperties {
    executor =
        executor == null || executor.isBlank() ? LOCAL : executor.strip().toLowerCase(Locale.ROOT);
    if (!executor.equals(LOCAL) && !executor.equals(KUBERNETES)) {
      throw new IllegalArgumentException(
          "flyte.sandbox.executor must be 'local' (the sandbox's runner) or 'kubernetes', was '"
              + executor
              + "'");
    }
    runner = runner == null ? new Runner(null, 0) : runner;
  }

  /** Whether executions run in the sandbox's local runner. */
  public boolean local() {
    return executor.equals(LOCAL);
  }

  /**
   * The local runner's settings.
   *
   * @param python the Python environment tasks run in: a venv directory or an interpreter; unset:
   *     the {@code pyflyte-execute} found on the PATH
   * @param maxParallelTasks task processes at most at once; 0 (default): the number of cores
   */
  public record Runner(@Nullable Path python, int maxParallelTasks) {}
}
