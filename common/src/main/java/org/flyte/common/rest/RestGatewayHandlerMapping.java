package org.flyte.common.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Hands every request that no earlier {@code HandlerMapping} claimed to the {@link
 * RestGatewayHandler}, the way FlyteAdmin mounts grpc-gateway on {@code /} behind its own handlers
 * ({@code /healthcheck}, auth flows). The gateway answers unknown paths itself (404 or 405 with a
 * {@code google.rpc.Status} body), so nothing falls through to a container error page.
 *
 * <p>The default order, {@link #DEFAULT_ORDER}, puts it after annotated controllers, router
 * functions and the actuator, and before Spring Boot's static-resource mapping of {@code /**}
 * (order {@code LOWEST_PRECEDENCE - 1}).
 */
public class RestGatewayHandlerMapping extends AbstractHandlerMapping {

  public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

  private final RestGatewayHandler handler;

  public RestGatewayHandlerMapping(RestGatewayHandler handler) {
    this.handler = handler;
    setOrder(DEFAULT_ORDER);
  }

  @Override
  protected Object getHandlerInternal(HttpServletRequest request) {
    return handler;
  }
}
