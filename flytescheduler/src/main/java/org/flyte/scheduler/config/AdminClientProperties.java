package org.flyte.scheduler.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code admin} section: how the scheduler reaches FlyteAdmin's gRPC API, under {@code
 * flyte.admin}. Keys follow {@code flyteidl/clients/go/admin/config.go} (v1.16.8); the credential
 * keys of the same section are {@link org.flyte.common.auth.client.AdminAuthProperties}.
 *
 * @param endpoint admin's gRPC address, {@code host:port} or {@code dns:///host:port}; default
 *     {@code localhost:8089}
 * @param insecure whether to connect without TLS; default true (in-cluster plaintext, as Flyte's
 *     charts configure it)
 * @param perRetryTimeout the deadline of one attempt of a call; default 15s
 */
@ConfigurationProperties(prefix = "flyte.admin")
public record AdminClientProperties(
    @DefaultValue("localhost:8089") String endpoint,
    @DefaultValue("true") boolean insecure,
    @DefaultValue("15s") Duration perRetryTimeout) {

  /** The gRPC target of the endpoint, without Flyte's optional {@code dns:///} scheme. */
  public String target() {
    return endpoint.startsWith("dns:///") ? endpoint.substring("dns:///".length()) : endpoint;
  }
}
