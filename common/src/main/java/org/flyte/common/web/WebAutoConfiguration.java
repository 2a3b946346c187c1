package org.flyte.common.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The plain HTTP routes and filters every Flyte app serves beside its gRPC services: {@code GET
 * /healthcheck} answers 200 with an empty body when the app is ready, as Flyte's servers do, and
 * 503 otherwise; a wildcard {@code Content-Type} is served as none ({@link
 * WildcardContentTypeFilter}); what the server refuses itself is answered with a Status body
 * ({@link StatusErrorHandler}).
 *
 * <p>Ready means what {@code /actuator/health/readiness} says: Spring Boot's readiness state, which
 * becomes {@code ACCEPTING_TRAFFIC} only after every listener of the app (HTTP, the gRPC port, the
 * in-process gRPC server that the REST gateway calls) has started and the start-up runners have
 * finished, and becomes {@code REFUSING_TRAFFIC} as soon as the app begins to stop; plus whatever
 * else the readiness group includes (the sandbox adds its other apps). Flyte's Go servers answer
 * 200 as soon as their HTTP listener is up, before the gRPC port necessarily is.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration {

  /** The actuator health group that {@code /healthcheck} follows. */
  public static final String READINESS_GROUP = "readiness";

  @Bean
  RouterFunction<ServerResponse> healthCheckRoute(
      ObjectProvider<HealthEndpoint> health, ApplicationAvailability availability) {
    return RouterFunctions.route()
        .GET(
            "/healthcheck",
            request ->
                ready(health.getIfAvailable(), availability)
                    ? ServerResponse.ok().build()
                    : ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build())
        .build();
  }

  private static boolean ready(HealthEndpoint health, ApplicationAvailability availability) {
    if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
      return false;
    }
    HealthDescriptor readiness = health == null ? null : health.healthForPath(READINESS_GROUP);
    return readiness == null || Status.UP.equals(readiness.getStatus());
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
