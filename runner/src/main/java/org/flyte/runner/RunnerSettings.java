package org.flyte.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the runner runs tasks and reports them; what FlytePropeller takes from its config map.
 *
 * @param python the Python environment: a venv directory (its {@code bin/} is put first on the
 *     PATH), an interpreter ({@code .../bin/python}, whose directory is used the same way), or null
 *     to use the {@code pyflyte-execute} found on the PATH
 * @param maxParallelTasks task processes at most at once; 0 or less for the number of cores
 * @param producerId the producer id of every event (propeller's {@code cluster-id}); "propeller"
 *     when null or blank
 * @param taskEnvironment variables added to every task process, after propeller's own (the S3
 *     endpoint and credentials: {@code FLYTE_AWS_ENDPOINT}, {@code FLYTE_AWS_ACCESS_KEY_ID}, ...)
 * @param workDirectory scratch space: one working directory per task attempt, removed after it
 * @param logLinkTemplate the URI of a task attempt's log shown in FlyteConsole; {@code {uri}} is
 *     replaced by the storage reference of the log (e.g. {@code s3://my-s3-bucket/...}) and {@code
 *     {key}} by its key in the bucket; null to link the storage reference itself
 * @param defaultTimeout a task attempt's time limit when its node and task set none; null for none
 */
public record RunnerSettings(
    Path python,
    int maxParallelTasks,
    String producerId,
    Map<String, String> taskEnvironment,
    Path workDirectory,
    String logLinkTemplate,
    Duration defaultTimeout) {

  public RunnerSettings {
    maxParallelTasks =
        maxParallelTasks > 0 ? maxParallelTasks : Runtime.getRuntime().availableProcessors();
    producerId = producerId == null || producerId.isBlank() ? "propeller" : producerId;
    taskEnvironment = taskEnvironment == null ? Map.of() : Map.copyOf(taskEnvironment);
    if (workDirectory == null) {
      workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "flyte-runner");
    }
  }

  /** Defaults: {@code pyflyte-execute} from the PATH, one task per core, a temporary directory. */
  public static RunnerSettings defaults() {
    return new RunnerSettings(null, 0, null, null, null, null, null);
  }

  /** These settings with {@code python} as the Python environment. */
  public RunnerSettings withPython(Path value) {
    return new RunnerSettings(
        value,
        maxParallelTasks,
        producerId,
        taskEnvironment,
        workDirectory,
        logLinkTemplate,
        defaultTimeout);
  }

  /** These settings with {@code value} task processes at most. */
  public RunnerSettings withMaxParallelTasks(int value) {
    return new RunnerSettings(
        python, value, producerId, taskEnvironment, workDirectory, logLinkTemplate, defaultTimeout);
  }

  /** These settings with {@code value} added to every task's environment. */
  public RunnerSettings withTaskEnvironment(Map<String, String> value) {
    return new RunnerSettings(
        python,
        maxParallelTasks,
        producerId,
        value,
        workDirectory,
        logLinkTemplate,
        defaultTimeout);
  }

  /** These settings with {@code value} as scratch space. */
  public RunnerSettings withWorkDirectory(Path value) {
    return new RunnerSettings(
        python,
        maxParallelTasks,
        producerId,
        taskEnvironment,
        value,
        logLinkTemplate,
        defaultTimeout);
  }

  /** These settings with {@code value} as the log link template. */
  public RunnerSettings withLogLinkTemplate(String value) {
    return new RunnerSettings(
        python,
        maxParallelTasks,
        producerId,
        taskEnvironment,
        workDirectory,
        value,
        defaultTimeout);
  }
}
