package org.flyte.admin.service.dataproxy;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.flyte.admin.config.DataProxyProperties;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.SignedUrlRequest;
import org.flyte.common.storage.WriteOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Serves the objects behind the URLs {@link LocalUrlSigner} signs: checks each request against its
 * signature, streams uploads into the {@link BlobStore} (never holding a body in memory; the store
 * checks the Content-MD5 as the bytes pass, and a body that does not match it stores nothing) and
 * opens downloads as streams. Answers as an object store would, through {@link FlyteException}
 * codes that the HTTP edge maps: PERMISSION_DENIED (signature, expiry, a Content-MD5 header other
 * than the signed one), INVALID_ARGUMENT ({@code BadDigest}, an unreadable body),
 * RESOURCE_EXHAUSTED (above {@code flyte.server.dataProxy.upload.maxSize}), NOT_FOUND.
 */
@Service
public class SignedObjectService {

  private final LocalUrlSigner signer;
  private final BlobStore store;
  private final long maxSize;

  public SignedObjectService(
      LocalUrlSigner signer, BlobStore store, DataProxyProperties properties) {
    this.signer = signer;
    this.store = store;
    this.maxSize = properties.upload().maxSize().toBytes();
  }

  /**
   * Checks a request to {@code LocalUrlSigner.PATH + rawPath}.
   *
   * @param query the decoded query parameters of the request
   */
  public LocalUrlSigner.Grant authorize(
      String method, String rawPath, Map<String, String> query, Instant now) {
    return signer.verify(
        method,
        rawPath,
        query.get("expires"),
        query.get("md5"),
        query.get("md5meta"),
        query.get("signature"),
        now);
  }

  /**
   * Streams an upload of {@code length} bytes into the store.
   *
   * @param contentMd5 the request's {@code Content-MD5} header, or null
   * @return the hex MD5 of the stored body (its ETag)
   */
  public String upload(
      LocalUrlSigner.Grant grant, @Nullable String contentMd5, long length, InputStream body) {
    if (grant.method() != SignedUrlRequest.Method.PUT) {
      throw new FlyteException(ErrorCode.PERMISSION_DENIED, "the URL was not signed for uploads");
    }
    if (grant.contentMd5() != null && !grant.contentMd5().equals(contentMd5)) {
      throw new FlyteException(
          ErrorCode.PERMISSION_DENIED,
          "the Content-MD5 header ["
              + (contentMd5 == null ? "" : contentMd5)
              + "] does not match the signed Content-MD5 ["
              + grant.contentMd5()
              + "]");
    }
    if (length > maxSize) {
      throw new FlyteException(
          ErrorCode.RESOURCE_EXHAUSTED,
          "the body of "
              + length
              + " bytes exceeds the upload limit of "
              + maxSize
              + " bytes (flyte.server.dataProxy.upload.maxSize)");
    }
    WriteOptions options = WriteOptions.defaults();
    if (contentMd5 != null && !contentMd5.isEmpty()) {
      options = options.withContentMd5(contentMd5);
      if (grant.addContentMd5Metadata()) {
        options = options.withContentMd5Metadata();
      }
    }
    try {
      return store.write(grant.reference(), body, length, options);
    } catch (FlyteException e) {
      if (e.code() == ErrorCode.INVALID_ARGUMENT && e.getMessage().contains("Content-MD5")) {
        throw FlyteException.invalidArgument("BadDigest: %s", e.getMessage());
      }
      throw e;
    }
  }

  /** Opens a download; the caller closes the stream. */
  public InputStream download(LocalUrlSigner.Grant grant) {
    if (grant.method() != SignedUrlRequest.Method.GET) {
      throw new FlyteException(ErrorCode.PERMISSION_DENIED, "the URL was not signed for downloads");
    }
    return store.open(grant.reference());
  }
}
