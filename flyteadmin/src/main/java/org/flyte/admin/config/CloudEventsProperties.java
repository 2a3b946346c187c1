package org.flyte.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Flyte's {@code cloudEvents} section under {@code flyte.cloud-events} ({@code
 * flyteadmin/pkg/runtime/interfaces/application_configuration.go}, v1.16.8). This FlyteAdmin
 * publishes no CloudEvents, so {@code enable: true} stops the start-up instead of dropping the
 * events silently.
 *
 * @param enable must be false (the default)
 */
@ConfigurationProperties(prefix = "flyte.cloud-events")
public record CloudEventsProperties(boolean enable) {

  public CloudEventsProperties {
    if (enable) {
      throw new IllegalArgumentException(
          "cloudEvents.enable is not supported: this FlyteAdmin publishes no CloudEvents (AWS,"
              + " GCP, Kafka or NATS). Set cloudEvents.enable to false");
    }
  }
}
