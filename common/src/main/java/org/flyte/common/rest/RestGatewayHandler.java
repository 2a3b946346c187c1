package org.flyte.common.rest;

import io.grpc.Status;
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
 *
 * <p>A body larger than the limit is not read: the answer is 413 with a {@code google.rpc.Status}
 * body (RESOURCE_EXHAUSTED), as soon as its {@code Content-Length} or its bytes exceed the limit.
 */
public final class RestGatewayHandler implements HttpRequestHandler {

  /** The limit when none is given: gRPC's default largest message, 4 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES =
      RestGatewayProperties.GRPC_DEFAULT_MAX_MESSAGE_SIZE.toBytes();

  private final RestGateway gateway;
  private final long maxBodyBytes;

  public RestGatewayHandler(RestGateway gateway) {
    this(gateway, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * @param maxBodyBytes the largest body read; at most {@code Integer.MAX_VALUE - 8}
   */
  public RestGatewayHandler(RestGateway gateway, long maxBodyBytes) {
    if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "the REST body limit must be between 0 and 2 GiB, was " + maxBodyBytes);
    }
    this.gateway = gateway;
    this.maxBodyBytes = maxBodyBytes;
  }

  public RestGateway gateway() {
    return gateway;
  }

  @Override
  public void handleRequest(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = null;
    if (request.getContentLengthLong() <= maxBodyBytes) {
      body = request.getInputStream().readNBytes((int) maxBodyBytes + 1);
    }
    if (body == null || body.length > maxBodyBytes) {
      write(
          gateway.refuse(
              toRestRequest(request, new byte[0]),
              413,
              Status.Code.RESOURCE_EXHAUSTED,
              "the request body exceeds the limit of "
                  + maxBodyBytes
                  + " bytes (flyte.server.rest.maxBodySize)"),
          response);
      return;
    }
    write(gateway.handle(toRestRequest(request, body)), response);
  }

  /** The gateway's view of a servlet request with the given body. */
  static RestRequest toRestRequest(HttpServletRequest request, byte[] body) {
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
