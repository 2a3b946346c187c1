package org.flyte.common.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.HttpRequestHandler;

/**
 * The servlet side of the {@link RestGateway}: turns an {@link HttpServletRequest} into a {@link
 * RestRequest} (raw, still percent-encoded path without the context path; raw query string; all
 * headers; the whole body) and writes the {@link RestResponse} back. Registered with Spring MVC
 * through {@link RestGatewayHandlerMapping}.
 */
public final class RestGatewayHandler implements HttpRequestHandler {

  private final RestGateway gateway;

  public RestGatewayHandler(RestGateway gateway) {
    this.gateway = gateway;
  }

  public RestGateway gateway() {
    return gateway;
  }

  @Override
  public void handleRequest(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    write(gateway.handle(toRestRequest(request)), response);
  }

  /** The gateway's view of a servlet request. */
  static RestRequest toRestRequest(HttpServletRequest request) throws IOException {
    String path = request.getRequestURI();
    String contextPath = request.getContextPath();
    if (contextPath != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
      path = path.substring(contextPath.length());
    }
    if (path.isEmpty()) {
      path = "/";
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers
          .computeIfAbsent(name, n -> new ArrayList<>())
          .addAll(Collections.list(request.getHeaders(name)));
    }
    byte[] body = request.getInputStream().readAllBytes();
    return new RestRequest(
        request.getMethod(),
        path,
        request.getQueryString(),
        headers,
        body,
        request.getRemoteAddr());
  }

  private static void write(RestResponse answer, HttpServletResponse response) throws IOException {
    response.setStatus(answer.status());
    for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
      for (String value : header.getValue()) {
        response.addHeader(header.getKey(), value);
      }
    }
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
    response.flushBuffer();
  }
}
