package org.flyte.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Flyte's {@code externalEvents} section under {@code flyte.external-events} ({@code
 * flyteadmin/pkg/runtime/interfaces/application_configuration.go}, v1.16.8). This FlyteAdmin
 * publishes no events to SNS or Pub/Sub, so {@code enable: true} stops the start-up instead of
 * dropping the events silently.
 *
 * @param enable must be false (the default)
 */
@ConfigurationProperties(prefix = "flyte.external-events")
public record ExternalEventsProperties(boolean enable) {

  public ExternalEventsProperties {
    if (enable) {
      throw new IllegalArgumentException(
          "externalEvents.enable is not supported: this FlyteAdmin publishes no events to SNS or"
              + " Pub/Sub. Set externalEvents.enable to false");
    }
  }
}
