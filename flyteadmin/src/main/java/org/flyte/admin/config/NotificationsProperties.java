package org.flyte.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code notifications} section under {@code flyte.notifications} ({@code
 * flyteadmin/pkg/runtime/interfaces/application_configuration.go}, v1.16.8). This FlyteAdmin sends
 * no notifications, so only Flyte's default {@code local} type, which sends none either, is
 * accepted; any other type stops the start-up instead of dropping the notifications silently.
 *
 * @param type {@code local} (default); {@code aws}, {@code gcp} and {@code sandbox} are refused
 */
@ConfigurationProperties(prefix = "flyte.notifications")
public record NotificationsProperties(@DefaultValue("local") String type) {

  public NotificationsProperties {
    if (!type.isEmpty() && !type.equals("local")) {
      throw new IllegalArgumentException(
          "notifications.type '"
              + type
              + "' is not supported: this FlyteAdmin sends no notifications (no SNS/SQS, Pub/Sub or"
              + " e-mail publisher). Remove the notifications section or set its type to local");
    }
  }
}
