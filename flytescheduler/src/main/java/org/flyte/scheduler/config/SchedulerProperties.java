package org.flyte.scheduler.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code scheduler} section, under {@code flyte.scheduler}. Keys follow {@code
 * flyteadmin/pkg/runtime/interfaces/scheduler_configuration.go} (v1.16.8); the scheduling keys come
 * with the scheduler issue.
 *
 * @param profilerPort the HTTP port of health and metrics ({@code /actuator/prometheus}); default
 *     10254
 * @param adminWait how long the scheduler waits at start-up for admin's gRPC health service {@code
 *     flyteadmin} to report SERVING before it gives up (Flyte's {@code precheck}); default 5m.
 *     Ours, not Flyte's.
 * @param adminWaitInterval the pause between two health checks while waiting; default 1s. Ours.
 */
@ConfigurationProperties(prefix = "flyte.scheduler")
public record SchedulerProperties(
    @DefaultValue("10254") int profilerPort,
    @DefaultValue("5m") Duration adminWait,
    @DefaultValue("1s") Duration adminWaitInterval) {}
