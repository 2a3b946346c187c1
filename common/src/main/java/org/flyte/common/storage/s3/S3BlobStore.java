package org.flyte.common.storage.s3;

import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.AbstractBlobStore;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 backend ({@code type: s3}, {@code type: minio}, or stow kind {@code s3}), on the AWS SDK
 * v2 synchronous client.
 *
 * <p>Follows {@code flytestdlib/storage/stow_store.go} (v1.16.8) with the stow {@code s3} kind.
 * Signed URLs come from a separate presigner so that they can name the public endpoint ({@code
 * signed-url.stow-config-override.endpoint}) while the server talks to the internal one. A signed
 * PUT with a Content-MD5 signs the {@code Content-MD5} header (and, when asked, {@code
 * x-amz-meta-flytecontentmd5}); the response lists them as headers the client must send. The first
 * write to a bucket checks that it exists and creates it if not (Go creates it only after a write
 * failed, and drops that write). Buckets are not touched at start-up.
 */
public final class S3BlobStore extends AbstractBlobStore {

  /** The scheme of this store's references. */
  public static final String SCHEME = "s3";

  private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

  private final S3Client client;
  private final S3Presigner presigner;
  private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

  /**
   * A store on the given client and presigner; the store closes both.
   *
   * @param presigner signs URLs; build it with the endpoint clients should use
   */
  public S3BlobStore(S3Client client, S3Presigner presigner, BlobStoreSettings settings) {
    super(SCHEME, settings);
    this.client = Objects.requireNonNull(client, "client");
    this.presigner = Objects.requireNonNull(presigner, "presigner");
  }

  /** A store for {@code connection}, signing URLs with {@code signing} (often the same). */
  public static S3BlobStore create(
      S3Connection connection, S3Connection signing, BlobStoreSettings settings) {
    return new S3BlobStore(connection.newClient(), signing.newPresigner(), settings);
  }

  @Override
  protected Optional<ObjectStream> openObject(String container, String key) {
    try {
      ResponseInputStream<GetObjectResponse> in =
          client.getObject(GetObjectRequest.builder().bucket(container).key(key).build());
      Long length = in.response().contentLength();
      return Optional.of(new ObjectStream(in, length == null ? 0 : length, in::abort));
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      return Optional.empty();
    }
  }

  @Override
  protected void putObject(
      String container,
      String key,
      byte[] data,
      Map<String, String> metadata,
      @Nullable String contentMd5) {
    PutObjectRequest request = putRequest(container, key, metadata, contentMd5);
    ensureBucket(container);
    try {
      client.putObject(request, RequestBody.fromBytes(data));
    } catch (NoSuchBucketException e) {
      // deleted since we looked
      createBucket(container);
      client.putObject(request, RequestBody.fromBytes(data));
    }
  }

  /**
   * Streams the content in one PUT of known length; the SDK buffers at most its retry window. A
   * stream cannot be sent twice, so the bucket is made sure of first.
   */
  @Override
  protected void putObject(
      String container,
      String key,
      InputStream data,
      long length,
      Map<String, String> metadata,
      @Nullable String contentMd5) {
    ensureBucket(container);
    client.putObject(
        putRequest(container, key, metadata, contentMd5).toBuilder().contentLength(length).build(),
        RequestBody.fromInputStream(data, length));
  }

  private static PutObjectRequest putRequest(
      String container, String key, Map<String, String> metadata, @Nullable String contentMd5) {
    return PutObjectRequest.builder()
        .bucket(container)
        .key(key)
        .metadata(metadata)
        .contentMD5(contentMd5)
        .build();
  }

  @Override
  protected Optional<BlobMetadata> headObject(String container, String key) {
    try {
      HeadObjectResponse head = client.headObject(b -> b.bucket(container).key(key));
      Long length = head.contentLength();
      return Optional.of(
          new BlobMetadata(length == null ? 0 : length, stripQuotes(head.eTag()), head.metadata()));
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      // HEAD responses have no body, so a missing bucket or key arrives as a bare 404.
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  protected List<String> listObjects(String container, String keyPrefix) {
    try {
      return client
          .listObjectsV2Paginator(
              b -> b.bucket(container).prefix(keyPrefix).maxKeys(settings().listPageSize()))
          .contents()
          .stream()
          // As Flyte's stow layer does: archived objects cannot be read, so they are not listed.
          .filter(o -> o.storageClass() != ObjectStorageClass.GLACIER)
          .map(o -> o.key())
          .toList();
    } catch (NoSuchBucketException e) {
      return List.of();
    }
  }

  @Override
  protected void deleteObject(String container, String key) {
    try {
      client.deleteObject(b -> b.bucket(container).key(key));
    } catch (NoSuchBucketException e) {
      // nothing to delete
    }
  }

  @Override
  public boolean supportsSignedUrls() {
    return true;
  }

  @Override
  protected SignedUrl signObject(String container, String key, SignedUrlRequest request) {
    PresignedRequest presigned =
        switch (request.method()) {
          case GET ->
              presigner.presignGetObject(
                  b ->
                      b.signatureDuration(request.expiresIn())
                          .getObjectRequest(g -> g.bucket(container).key(key)));
          case PUT ->
              presigner.presignPutObject(
                  b ->
                      b.signatureDuration(request.expiresIn())
                          .putObjectRequest(put(container, key, request)));
        };
    Map<String, String> headers = new HashMap<>();
    presigned
        .signedHeaders()
        .forEach(
            (name, values) -> {
              if (name.equalsIgnoreCase("content-md5")) {
                headers.put("Content-MD5", String.join(",", values)); // Flyte's spelling
              } else if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
              }
            });
    return new SignedUrl(URI.create(presigned.url().toString()), headers, presigned.expiration());
  }

  @Override
  protected FlyteException translate(String operation, DataReference reference, Exception e) {
    String message = "failed to " + operation + " [" + reference + "]: " + e.getMessage();
    if (e instanceof S3Exception s3 && (s3.statusCode() == 403 || s3.statusCode() == 401)) {
      return new FlyteException(ErrorCode.PERMISSION_DENIED, message, e);
    }
    if (e instanceof SdkClientException
        || (e instanceof S3Exception s3 && s3.statusCode() >= 500)) {
      return new FlyteException(ErrorCode.UNAVAILABLE, message, e);
    }
    return super.translate(operation, reference, e);
  }

  @Override
  public void close() {
    presigner.close();
    client.close();
  }

  private static PutObjectRequest put(String container, String key, SignedUrlRequest request) {
    PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(container).key(key);
    if (request.contentMd5() != null) {
      put.contentMD5(request.contentMd5());
      if (request.addContentMd5Metadata()) {
        put.metadata(Map.of(BlobMetadata.FLYTE_CONTENT_MD5, request.contentMd5()));
      }
    }
    return put.build();
  }

  /**
   * Makes sure the bucket exists before the first write to it. Checking first matters: a server
   * answers a PUT into a missing bucket before reading the body, which breaks the upload of a large
   * object instead of reporting the missing bucket.
   */
  private void ensureBucket(String container) {
    if (knownBuckets.contains(container)) {
      return;
    }
    try {
      client.headBucket(b -> b.bucket(container));
    } catch (NoSuchBucketException e) {
      createBucket(container);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        createBucket(container);
      } else if (e.statusCode() != 403) {
        throw e;
      }
      // 403: we may write objects without being allowed to look at the bucket; go ahead.
    }
    knownBuckets.add(container);
  }

  private void createBucket(String container) {
    try {
      client.createBucket(b -> b.bucket(container));
    } catch (BucketAlreadyOwnedByYouException e) {
      // created concurrently
    }
    log.info("Created bucket {}", container);
  }

  private static String stripQuotes(@Nullable String etag) {
    if (etag == null) {
      return "";
    }
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1)
        : etag;
  }
}
