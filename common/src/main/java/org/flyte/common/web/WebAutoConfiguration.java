package org.flyte.common.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The plain HTTP routes and filters every Flyte app serves beside its gRPC services: {@code GET
 * /healthcheck} answers 200 with an empty body once the app is up, as Flyte's servers do; a
 * wildcard {@code Content-Type} is served as none ({@link WildcardContentTypeFilter}); what the
 * server refuses itself is answered with a Status body ({@link StatusErrorHandler}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration {

  @Bean
  RouterFunction<ServerResponse> healthCheckRoute() {
    return RouterFunctions.route()
        .GET("/healthcheck", request -> ServerResponse.ok().build())
        .build();
  }

  /** Errors that Jetty answers itself get a Status body too ({@link StatusErrorHandler}). */
  @Bean
  @ConditionalOnClass(name = "org.springframework.boot.jetty.JettyServerCustomizer")
  JettyServerCustomizer statusErrorHandler() {
    return server -> server.setErrorHandler(new StatusErrorHandler());
  }

  @Bean
  FilterRegistrationBean<WildcardContentTypeFilter> wildcardContentTypeFilter() {
    FilterRegistrationBean<WildcardContentTypeFilter> registration =
        new FilterRegistrationBean<>(new WildcardContentTypeFilter());
    registration.setOrder(WildcardContentTypeFilter.ORDER);
    return registration;
  }
}
