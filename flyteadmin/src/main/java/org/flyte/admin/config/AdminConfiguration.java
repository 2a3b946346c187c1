package org.flyte.admin.config;

import flyteidl.service.AuthMetadataServiceGrpc;
import flyteidl.service.IdentityServiceGrpc;
import org.flyte.common.config.FlyteServerProperties;
import org.flyte.common.rest.RestGatewayCustomizer;
import org.flyte.common.web.CorsFilters;
import org.flyte.common.web.WildcardContentTypeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.CorsFilter;

/**
 * FlyteAdmin's wiring: its {@code server} section, every {@code *Properties} record of this
 * package, the CORS filter in front of every path, and the REST routes of services it does not
 * serve yet.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlyteServerProperties.class)
@ConfigurationPropertiesScan(basePackageClasses = AdminConfiguration.class)
public class AdminConfiguration {

  /**
   * Routes the auth services' REST paths ({@code /.well-known/oauth-authorization-server}, {@code
   * /config/v1/flyte_client}, {@code /me}) while auth is off and their gRPC services are not
   * served: the paths answer 501, as Flyte's gateway does. With auth on they are served ({@link
   * AuthConfiguration}).
   */
  @Bean
  @ConditionalOnBooleanProperty(
      name = "flyte.server.security.use-auth",
      havingValue = false,
      matchIfMissing = true)
  RestGatewayCustomizer authServiceRoutes() {
    return gateway ->
        gateway
            .service(AuthMetadataServiceGrpc.getServiceDescriptor())
            .service(IdentityServiceGrpc.getServiceDescriptor());
  }

  @Bean
  FilterRegistrationBean<CorsFilter> corsFilter(FlyteServerProperties server) {
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(CorsFilters.forServer(server.security()));
    registration.setEnabled(server.security().allowCors());
    registration.setOrder(WildcardContentTypeFilter.ORDER + 1);
    return registration;
  }
}
