package org.flyte.common.web;

import java.util.List;
import org.flyte.common.config.FlyteServerProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for every path of an HTTP server, configured as Flyte configures it ({@code
 * server.security.allowCors}, {@code allowedOrigins}, {@code allowedHeaders}; credentials allowed;
 * methods GET, POST, DELETE, HEAD, PUT, PATCH). Preflight requests are answered by the filter. As
 * with gorilla/handlers, which Flyte uses, a preflight may always ask for {@code Accept}, {@code
 * Accept-Language}, {@code Content-Language} and {@code Origin} besides the configured headers.
 *
 * <p>Follows {@code flyteadmin/pkg/server/service.go} (v1.16.8). One deviation: with the origin
 * {@code *} the filter echoes the caller's origin instead of answering {@code *}, because browsers
 * refuse {@code *} on credentialed requests (Flyte's configuration comment warns about exactly
 * that).
 */
public final class CorsFilters {

  private static final List<String> METHODS =
      List.of("GET", "POST", "DELETE", "HEAD", "PUT", "PATCH");

  /**
   * Request headers a preflight may always ask for, besides the configured ones: gorilla/handlers'
   * {@code defaultCorsHeaders} ({@code cors.go}), which Flyte's server keeps.
   */
  static final List<String> ALWAYS_ALLOWED_HEADERS =
      List.of("Accept", "Accept-Language", "Content-Language", "Origin");

  private CorsFilters() {}

  public static CorsFilter forServer(FlyteServerProperties.Security security) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowCredentials(true);
    cors.setAllowedOriginPatterns(security.allowedOrigins());
    ALWAYS_ALLOWED_HEADERS.forEach(cors::addAllowedHeader);
    cors.addAllowedHeader("Content-Type");
    security.allowedHeaders().forEach(cors::addAllowedHeader);
    cors.setAllowedMethods(METHODS);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return new CorsFilter(source);
  }
}
