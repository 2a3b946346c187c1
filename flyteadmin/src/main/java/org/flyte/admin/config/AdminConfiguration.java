package org.flyte.admin.config;

import org.flyte.common.config.FlyteServerProperties;
import org.flyte.common.web.CorsFilters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.CorsFilter;

/** FlyteAdmin's wiring: its {@code server} section and the CORS filter in front of every path. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlyteServerProperties.class)
public class AdminConfiguration {

  @Bean
  FilterRegistrationBean<CorsFilter> corsFilter(FlyteServerProperties server) {
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(CorsFilters.forServer(server.security()));
    registration.setEnabled(server.security().allowCors());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
