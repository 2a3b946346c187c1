package org.flyte.common.storage;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to sign: method, lifetime and, for uploads, the expected content MD5.
 *
 * <p>Follows {@code SignedURLProperties} of {@code flytestdlib/storage/storage.go} (v1.16.8).
 *
 * @param method GET (download) or PUT (upload)
 * @param expiresIn lifetime of the URL; more than zero and at most 7 days
 * @param contentMd5 base64 MD5 the upload must match (sent by the client as {@code Content-MD5});
 *     ignored for GET
 * @param addContentMd5Metadata for PUT, also require the client to store {@code contentMd5} as the
 *     {@code flytecontentmd5} user metadata; needs {@code contentMd5}
 */
public record SignedUrlRequest(
    Method method, Duration expiresIn, @Nullable String contentMd5, boolean addContentMd5Metadata) {

  /** The HTTP method the URL is signed for. */
  public enum Method {
    GET,
    PUT
  }

  public SignedUrlRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(expiresIn, "expiresIn");
    if (contentMd5 != null && contentMd5.isEmpty()) {
      contentMd5 = null;
    }
  }

  /** A download URL. */
  public static SignedUrlRequest get(Duration expiresIn) {
    return new SignedUrlRequest(Method.GET, expiresIn, null, false);
  }

  /** An upload URL. */
  public static SignedUrlRequest put(
      Duration expiresIn, @Nullable String contentMd5, boolean addContentMd5Metadata) {
    return new SignedUrlRequest(Method.PUT, expiresIn, contentMd5, addContentMd5Metadata);
  }
}
