package org.flyte.common.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code server} section (FlyteAdmin's listeners), under {@code flyte.server}. Keys and
 * defaults follow {@code flyteadmin/pkg/config/config.go} (v1.16.8); Spring's relaxed binding
 * accepts Flyte's spellings ({@code httpPort}, {@code grpc.serverReflection}). The ports are
 * bridged to {@code server.port} and {@code spring.grpc.server.port} by {@link
 * FlyteEnvironmentPostProcessor}.
 *
 * @param httpPort the HTTP port of the REST gateway, {@code /healthcheck} and metrics; default 8088
 * @param grpc the gRPC listener
 * @param security CORS and (later) authentication settings
 */
@ConfigurationProperties(prefix = "flyte.server")
public record FlyteServerProperties(
    @DefaultValue("8088") int httpPort, @DefaultValue Grpc grpc, @DefaultValue Security security) {

  /**
   * @param port the gRPC port; default 8089
   * @param serverReflection whether gRPC server reflection is served; default true
   * @param maxMessageSizeBytes the largest message the server accepts, in bytes; 0 (default) keeps
   *     gRPC's 4 MiB
   */
  public record Grpc(
      @DefaultValue("8089") int port,
      @DefaultValue("true") boolean serverReflection,
      @DefaultValue("0") long maxMessageSizeBytes) {}

  /**
   * @param useAuth whether callers of FlyteAdmin must authenticate (its {@code auth} section);
   *     default false
   * @param insecureCookieHeader issue the login cookies without {@code Secure}, for plain-HTTP
   *     development setups; default false
   * @param allowCors whether the HTTP server answers CORS requests; default true
   * @param allowedOrigins origins allowed by CORS; default {@code *}
   * @param allowedHeaders request headers allowed by CORS; default {@code Content-Type} and {@code
   *     flyte-authorization}
   */
  public record Security(
      @DefaultValue("false") boolean useAuth,
      @DefaultValue("false") boolean insecureCookieHeader,
      @DefaultValue("true") boolean allowCors,
      @DefaultValue("*") List<String> allowedOrigins,
      @DefaultValue({"Content-Type", "flyte-authorization"}) List<String> allowedHeaders) {}
}
