package org.flyte.admin.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.flyte.admin.config.DataProxyProperties;
import org.flyte.admin.service.dataproxy.LocalUrlSigner;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.ContentDigests;
import org.flyte.common.storage.SignedUrlRequest;
import org.flyte.common.storage.WriteOptions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the URLs {@link LocalUrlSigner} signs, for blob stores that cannot sign (local disk,
 * memory): {@code PUT} writes the body, {@code GET} returns the object. Not a gRPC route, so it is
 * a plain Spring MVC endpoint under {@code /storage/v1/}, away from the REST gateway's paths.
 *
 * <p>Answers as an object store would: 200 on success (with the ETag), 403 for a missing, wrong or
 * expired signature or a Content-MD5 header other than the signed one, 400 when the body does not
 * match its Content-MD5, 404 for a missing object, 413 for a body above {@code
 * flyte.server.dataProxy.upload.maxSize}; errors as plain text. See
 * docs/adr/0012-local-signed-urls.md.
 */
@RestController
public class SignedUrlController {

  private final LocalUrlSigner signer;
  private final BlobStore store;
  private final long maxSize;

  public SignedUrlController(
      LocalUrlSigner signer, BlobStore store, DataProxyProperties properties) {
    this.signer = signer;
    this.store = store;
    this.maxSize = properties.upload().maxSize().toBytes();
  }

  @RequestMapping(
      path = LocalUrlSigner.PATH + "**",
      method = {RequestMethod.GET, RequestMethod.PUT})
  public ResponseEntity<byte[]> serve(HttpServletRequest request) {
    try {
      LocalUrlSigner.Grant grant =
          signer.verify(
              request.getMethod(),
              request.getRequestURI().substring(LocalUrlSigner.PATH.length()),
              request.getParameter("expires"),
              request.getParameter("md5"),
              request.getParameter("md5meta"),
              request.getParameter("signature"),
              Instant.now());
      return grant.method() == SignedUrlRequest.Method.PUT
          ? put(grant, request)
          : ResponseEntity.ok()
              .contentType(MediaType.APPLICATION_OCTET_STREAM)
              .body(store.read(grant.reference()));
    } catch (FlyteException e) {
      HttpStatus status =
          switch (e.code()) {
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case INVALID_ARGUMENT, FAILED_PRECONDITION -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RESOURCE_EXHAUSTED -> HttpStatus.CONTENT_TOO_LARGE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
          };
      return text(status, e.getMessage());
    } catch (IOException e) {
      return text(HttpStatus.BAD_REQUEST, "failed to read the request body: " + e.getMessage());
    }
  }

  private ResponseEntity<byte[]> put(LocalUrlSigner.Grant grant, HttpServletRequest request)
      throws IOException {
    String header = request.getHeader("Content-MD5");
    if (grant.contentMd5() != null && !grant.contentMd5().equals(header)) {
      return text(
          HttpStatus.FORBIDDEN,
          "the Content-MD5 header ["
              + (header == null ? "" : header)
              + "] does not match the signed Content-MD5 ["
              + grant.contentMd5()
              + "]");
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxSize + 1));
    }
    if (body.length > maxSize) {
      return text(
          HttpStatus.CONTENT_TOO_LARGE,
          "the body exceeds the upload limit of "
              + maxSize
              + " bytes (flyte.server.dataProxy.upload.maxSize)");
    }
    WriteOptions options = WriteOptions.defaults();
    if (header != null && !header.isEmpty()) {
      if (!header.equals(ContentDigests.base64Md5(body))) {
        return text(
            HttpStatus.BAD_REQUEST,
            "BadDigest: the Content-MD5 [" + header + "] does not match the body's MD5");
      }
      options = options.withContentMd5(header);
      if (grant.addContentMd5Metadata()) {
        options = options.withContentMd5Metadata();
      }
    }
    store.write(grant.reference(), body, options);
    return ResponseEntity.ok().eTag("\"" + ContentDigests.hexMd5(body) + "\"").build();
  }

  private static ResponseEntity<byte[]> text(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.TEXT_PLAIN)
        .body((message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
