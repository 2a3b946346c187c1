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
 * @param executor {@code auto} (default): the local runner, unless Kubernetes is configured ({@code
 *     flyte.clusters.clusterConfigs}, {@code flyte.server.kube-config} or {@code
 *     flyte.server.master}); {@code local}: the sandbox's local runner in any case; {@code
 *     kubernetes}: the sandbox adds no executor, and FlyteAdmin's own Kubernetes configuration
 *     decides
 * @param runner the local runner's settings
 */
@ConfigurationProperties(prefix = "flyte.sandbox")
public record SandboxExecutorProperties(
    @DefaultValue("auto") String executor, @DefaultValue Runner runner) {

  /** The value of {@link #executor()} that picks by the Kubernetes configuration. */
  public static final String AUTO = "auto";

  /** The value of {@link #executor()} that selects the local runner. */
  public static final String LOCAL = "local";

  /** The value of {@link #executor()} that leaves executions to Kubernetes. */
  public static final String KUBERNETES = "kubernetes";

  public SandboxExecutorProperties {
    executor =
        executor == null || executor.isBlank() ? AUTO : executor.strip().toLowerCase(Locale.ROOT);
    if (!executor.equals(AUTO) && !executor.equals(LOCAL) && !executor.equals(KUBERNETES)) {
      throw new IllegalArgumentException(
          "flyte.sandbox.executor must be 'auto' (the sandbox's runner unless Kubernetes is"
              + " configured), 'local' (the sandbox's runner) or 'kubernetes', was '"
              + executor
              + "'");
    }
    runner = runner == null ? new Runner(null, 0) : runner;
  }

  /**
   * Whether executions run in the sandbox's local runner.
   *
   * @param kubernetesConfigured whether FlyteAdmin has Kubernetes clusters configured
   */
  public boolean local(boolean kubernetesConfigured) {
    return executor.equals(LOCAL) || (executor.equals(AUTO) && !kubernetesConfigured);
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
