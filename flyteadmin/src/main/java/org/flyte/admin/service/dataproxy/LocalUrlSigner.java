package org.flyte.admin.service.dataproxy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flyte.admin.config.DataProxyProperties;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.AbstractBlobStore;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Signs and checks URLs that FlyteAdmin's own HTTP server serves ({@code /storage/v1/...}), for
 * blob stores that cannot sign (local disk, memory). See docs/adr/0012-local-signed-urls.md.
 *
 * <p>A URL is {@code {base}/storage/v1/{container}/{key}?expires=..&md5=..&md5meta=1&signature=..}.
 * The signature is an HMAC-SHA256 over the HTTP method, the object reference, the expiry (epoch
 * seconds) and, for uploads, the Content-MD5 the client must send and whether the MD5 is recorded
 * as the {@code flytecontentmd5} metadata. Flyte has no counterpart (its local store cannot sign).
 */
@Component
public class LocalUrlSigner {

  /** The path below which FlyteAdmin serves signed objects. */
  public static final String PATH = "/storage/v1/";

  private static final String HMAC = "HmacSHA256";

  /** What a valid signed URL allows. */
  public record Grant(
      DataReference reference,
      SignedUrlRequest.Method method,
      @Nullable String contentMd5,
      boolean addContentMd5Metadata) {}

  private final BlobStore store;
  private final DataProxyProperties.Local config;
  private final Environment environment;
  private final SecretKeySpec key;

  public LocalUrlSigner(BlobStore store, DataProxyProperties properties, Environment environment) {
    this.store = store;
    this.config = properties.local();
    this.environment = environment;
    byte[] secret;
    if (config.signingKey() == null || config.signingKey().isBlank()) {
      secret = new byte[32];
      new SecureRandom().nextBytes(secret);
    } else {
      secret = config.signingKey().getBytes(StandardCharsets.UTF_8);
    }
    this.key = new SecretKeySpec(secret, HMAC);
  }

  /** A URL to {@code reference} on FlyteAdmin's HTTP server, valid from now. */
  public SignedUrl sign(DataReference reference, SignedUrlRequest request) {
    return sign(reference, request, Instant.now());
  }

  /** A URL to {@code reference} on FlyteAdmin's HTTP server, valid from {@code now}. */
  public SignedUrl sign(DataReference reference, SignedUrlRequest request, Instant now) {
    checkReference(reference);
    Duration expiresIn = request.expiresIn();
    if (expiresIn.isNegative()
        || expiresIn.isZero()
        || expiresIn.compareTo(AbstractBlobStore.MAX_SIGNED_URL_LIFETIME) > 0) {
      throw FlyteException.invalidArgument(
          "signed URL lifetime must be more than 0 and at most %s, was %s",
          AbstractBlobStore.MAX_SIGNED_URL_LIFETIME, expiresIn);
    }
    if (request.addContentMd5Metadata() && request.contentMd5() == null) {
      throw FlyteException.invalidArgument(
          "a content MD5 is required to add it as %s metadata", BlobMetadata.FLYTE_CONTENT_MD5);
    }
    boolean put = request.method() == SignedUrlRequest.Method.PUT;
    String md5 = put ? request.contentMd5() : null;
    boolean md5Metadata = put && request.addContentMd5Metadata();
    Instant expiresAt = now.plus(expiresIn);
    long expires = expiresAt.getEpochSecond();
    String signature = signature(request.method().name(), reference, expires, md5, md5Metadata);

    StringBuilder url = new StringBuilder(baseUrl()).append(PATH.substring(1));
    String text = reference.toString();
    url.append(text.substring(text.indexOf("://") + 3)).append("?expires=").append(expires);
    Map<String, String> headers = new LinkedHashMap<>();
    if (md5 != null) {
      url.append("&md5=").append(URLEncoder.encode(md5, StandardCharsets.UTF_8));
      headers.put("Content-MD5", md5);
    }
    if (md5Metadata) {
      url.append("&md5meta=1");
    }
    url.append("&signature=").append(signature);
    return new SignedUrl(java.net.URI.create(url.toString()), headers, expiresAt);
  }

  /**
   * Checks a request to {@code PATH + rawPath}.
   *
   * @param rawPath the still percent-encoded path after {@link #PATH}: {@code {container}/{key}}
   * @throws FlyteException PERMISSION_DENIED on a missing, wrong or expired signature,
   *     INVALID_ARGUMENT on a malformed path
   */
  public Grant verify(
      String method,
      String rawPath,
      @Nullable String expires,
      @Nullable String md5,
      @Nullable String md5meta,
      @Nullable String signature,
      Instant now) {
    SignedUrlRequest.Method parsedMethod;
    try {
      parsedMethod = SignedUrlRequest.Method.valueOf(method);
    } catch (IllegalArgumentException e) {
      throw denied("method %s is not allowed on signed URLs", method);
    }
    if (signature == null || expires == null) {
      throw denied("the URL is not signed: expires and signature are required");
    }
    long expiresAt;
    try {
      expiresAt = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      throw denied("invalid expires [%s]", expires);
    }
    DataReference reference = DataReference.parse(store.baseContainer().scheme() + "://" + rawPath);
    String emptyToNullMd5 = md5 == null || md5.isEmpty() ? null : md5;
    boolean md5Metadata = "1".equals(md5meta);
    String expected = signature(method, reference, expiresAt, emptyToNullMd5, md5Metadata);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      throw denied("the signature does not match the request");
    }
    if (now.getEpochSecond() > expiresAt) {
      throw denied("the signed URL expired at %s", Instant.ofEpochSecond(expiresAt));
    }
    return new Grant(reference, parsedMethod, emptyToNullMd5, md5Metadata);
  }

  private String baseUrl() {
    if (config.baseUrl() != null) {
      String base = config.baseUrl().toString();
      return base.endsWith("/") ? base : base + "/";
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8088"));
    return "http://localhost:" + port + "/";
  }

  private void checkReference(DataReference reference) {
    DataReference base = store.baseContainer();
    boolean multiContainer =
        store instanceof AbstractBlobStore s && s.settings().enableMulticontainer();
    if (!reference.scheme().equalsIgnoreCase(base.scheme())) {
      throw FlyteException.invalidArgument(
          "data reference [%s] does not belong to this %s:// store", reference, base.scheme());
    }
    if (!multiContainer && !reference.container().equals(base.container())) {
      throw new FlyteException(
          ErrorCode.FAILED_PRECONDITION,
          "Conf container:"
              + base.container()
              + " != Passed Container:"
              + reference.container()
              + ". Dynamic loading is disabled (set flyte.storage.enable-multicontainer to allow"
              + " other containers)");
    }
    if (reference.key().isEmpty()) {
      throw FlyteException.invalidArgument(
          "data reference [%s] names a container, not an object", reference);
    }
  }

  private String signature(
      String method,
      DataReference reference,
      long expires,
      @Nullable String md5,
      boolean md5Metadata) {
    String canonical =
        String.join(
            "\n",
            method,
            reference.toString(),
            Long.toString(expires),
            md5 == null ? "" : md5,
            md5Metadata ? "1" : "0");
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime provides " + HMAC, e);
    }
  }

  private static FlyteException denied(String format, Object... args) {
    return new FlyteException(ErrorCode.PERMISSION_DENIED, String.format(format, args));
  }
}
