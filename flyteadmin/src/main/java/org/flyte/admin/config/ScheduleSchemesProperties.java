package org.flyte.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The schemes of Flyte's {@code scheduler} section under {@code flyte.scheduler} ({@code
 * SchedulerConfig} of {@code flyteadmin/pkg/runtime/interfaces/application_configuration.go},
 * v1.16.8). FlyteAdmin records schedules for FlyteScheduler ({@code local}, Flyte's default); it
 * drives no CloudWatch rules and reads no SQS queue, so {@code aws} stops the start-up instead of
 * leaving every schedule unfired.
 *
 * @param eventScheduler {@code eventScheduler.scheme}: {@code local} (default)
 * @param workflowExecutor {@code workflowExecutor.scheme}: {@code local} (default)
 */
@ConfigurationProperties(prefix = "flyte.scheduler")
public record ScheduleSchemesProperties(
    @DefaultValue Scheme eventScheduler, @DefaultValue Scheme workflowExecutor) {

  public ScheduleSchemesProperties {
    refuseAws("eventScheduler", eventScheduler);
    refuseAws("workflowExecutor", workflowExecutor);
  }

  /** One {@code scheme} key. */
  public record Scheme(@DefaultValue("local") String scheme) {}

  private static void refuseAws(String key, Scheme scheme) {
    if ("aws".equals(scheme.scheme())) {
      throw new IllegalArgumentException(
          "scheduler."
              + key
              + ".scheme 'aws' is not supported: FlyteAdmin drives no CloudWatch schedules; set it"
              + " to local and run FlyteScheduler (flytescheduler run)");
    }
  }
}
