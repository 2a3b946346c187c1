package org.flyte.admin.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flyte.admin.service.dataproxy.LocalUrlSigner;
import org.flyte.admin.service.dataproxy.SignedObjectService;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.SignedUrlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The HTTP edge of the URLs {@link LocalUrlSigner} signs, for blob stores that cannot sign (local
 * disk, memory): {@code PUT} streams the body to {@link SignedObjectService}, {@code GET} streams
 * the object back. Not a gRPC route, so a plain Spring MVC endpoint under {@code /storage/v1/},
 * away from the REST gateway's paths.
 *
 * <p>The body is taken as raw bytes whatever its {@code Content-Type} (curl sends {@code
 * --data-binary} as {@code application/x-www-form-urlencoded}); the query is read from the raw
 * query string, never through the servlet's parameters, which would parse such a body as a form.
 * Answers as an object store would: 200 on success (with the ETag), 403 for a missing, wrong or
 * expired signature or a Content-MD5 header other than the signed one, 400 when the body does not
 * match its Content-MD5, 404 for a missing object, 411 without a {@code Content-Length}, 413 above
 * {@code flyte.server.dataProxy.upload.maxSize}; errors as plain text. See
 * docs/adr/0012-local-signed-urls.md.
 */
@RestController
public class SignedUrlController {

  private final SignedObjectService objects;

  public SignedUrlController(SignedObjectService objects) {
    this.objects = objects;
  }

  @RequestMapping(
      path = LocalUrlSigner.PATH + "**",
      method = {RequestMethod.GET, RequestMethod.PUT})
  public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      LocalUrlSigner.Grant grant =
          objects.authorize(
              request.getMethod(),
              request.getRequestURI().substring(LocalUrlSigner.PATH.length()),
              query(request.getQueryString()),
              Instant.now());
      if (grant.method() == SignedUrlRequest.Method.PUT) {
        put(grant, request, response);
      } else {
        get(grant, response);
      }
    } catch (FlyteException e) {
      text(request, response, status(e), e.getMessage());
    }
  }

  private void put(
      LocalUrlSigner.Grant grant, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long length = request.getContentLengthLong();
    if (length < 0) {
      text(
          request,
          response,
          HttpStatus.LENGTH_REQUIRED,
          "MissingContentLength: an upload needs a Content-Length header");
      return;
    }
    String etag;
    try (InputStream body = request.getInputStream()) {
      etag = objects.upload(grant, request.getHeader("Content-MD5"), length, body);
    }
    response.setStatus(HttpStatus.OK.value());
    response.setHeader("ETag", "\"" + etag + "\"");
    response.setContentLength(0);
  }

  private void get(LocalUrlSigner.Grant grant, HttpServletResponse response) throws IOException {
    try (InputStream object = objects.download(grant)) {
      response.setStatus(HttpStatus.OK.value());
      response.setContentType("application/octet-stream");
      try (OutputStream out = response.getOutputStream()) {
        object.transferTo(out);
      }
    }
  }

  /** The decoded query parameters (the first value of each). */
  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery != null) {
      UriComponentsBuilder.newInstance()
          .query(rawQuery)
          .build()
          .getQueryParams()
          .forEach(
              (name, values) ->
                  query.putIfAbsent(
                      UriUtils.decode(name, StandardCharsets.UTF_8),
                      values.get(0) == null
                          ? ""
                          : UriUtils.decode(values.get(0), StandardCharsets.UTF_8)));
    }
    return query;
  }

  private static HttpStatus status(FlyteException e) {
    return switch (e.code()) {
      case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
      case INVALID_ARGUMENT, FAILED_PRECONDITION -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case RESOURCE_EXHAUSTED -> HttpStatus.CONTENT_TOO_LARGE;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      default -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }

  /**
   * An error as plain text. A refused upload's body may still be on its way: the answer is complete
   * before it is read, so the connection is closed after it and says so ({@code Connection:
   * close}); a client that kept it for its next request would find it gone.
   */
  private static void text(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
      throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    if (RequestMethod.PUT.name().equals(request.getMethod())) {
      response.setHeader(HttpHeaders.CONNECTION, "close");
    }
    response.setStatus(status.value());
    response.setContentType("text/plain");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
