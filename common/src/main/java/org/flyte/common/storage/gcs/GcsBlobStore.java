package org.flyte.common.storage.gcs;

import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.SignUrlOption;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.AbstractBlobStore;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.jspecify.annotations.Nullable;

/**
 * The Google Cloud Storage backend (stow kind {@code google}), on google-cloud-storage.
 *
 * <p>Follows {@code flytestdlib/storage/stow_store.go} (v1.16.8) with the stow {@code google} kind.
 * Signed URLs are V4 ({@code GOOG4-RSA-SHA256}), signed by a {@link ServiceAccountSigner}:
 * service-account key credentials sign locally, workload-identity (compute engine) credentials sign
 * through the IAM signBlob API. Without such credentials signing fails with FAILED_PRECONDITION. A
 * signed PUT with a Content-MD5 signs {@code Content-MD5} (and, when asked, {@code
 * x-goog-meta-flytecontentmd5}). A write to a missing bucket creates the bucket and writes again
 * once. Folder placeholders (names ending in {@code /}) are not listed.
 */
public final class GcsBlobStore extends AbstractBlobStore {

  /** The scheme of this store's references. */
  public static final String SCHEME = "gs";

  private static final String METADATA_HEADER_PREFIX = "x-goog-meta-";

  /** The chunk of a streamed upload that the client holds in memory (a multiple of 256 KiB). */
  static final int UPLOAD_CHUNK_BYTES = 2 * 1024 * 1024;

  private final Storage storage;
  private final @Nullable ServiceAccountSigner signer;

  /**
   * A store on {@code storage}, which it closes.
   *
   * @param signer signs URLs; null when the credentials cannot sign
   */
  public GcsBlobStore(
      Storage storage, @Nullable ServiceAccountSigner signer, BlobStoreSettings settings) {
    super(SCHEME, settings);
    this.storage = Objects.requireNonNull(storage, "storage");
    this.signer = signer;
  }

  /** A store for {@code connection}, signing URLs with the credentials of {@code signing}. */
  public static GcsBlobStore create(
      GcsConnection connection, GcsConnection signing, BlobStoreSettings settings) {
    GoogleCredentials credentials = connection.credentials();
    GoogleCredentials signingCredentials =
        signing.equals(connection) ? credentials : signing.credentials();
    ServiceAccountSigner signer = signingCredentials instanceof ServiceAccountSigner s ? s : null;
    return new GcsBlobStore(connection.newStorage(credentials), signer, settings);
  }

  @Override
  protected Optional<ObjectStream> openObject(String container, String key) {
    Blob blob = storage.get(BlobId.of(container, key));
    if (blob == null) {
      return Optional.empty();
    }
    ReadChannel reader = blob.reader();
    Long size = blob.getSize();
    return Optional.of(
        new ObjectStream(Channels.newInputStream(reader), size == null ? 0 : size, reader::close));
  }

  @Override
  protected void putObject(
      String container,
      String key,
      byte[] data,
      Map<String, String> metadata,
      @Nullable String contentMd5) {
    BlobInfo info = blobInfo(container, key, metadata, contentMd5);
    try {
      storage.create(info, data);
    } catch (StorageException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      storage.create(BucketInfo.of(container));
      storage.create(info, data);
    }
  }

  /**
   * Streams the content through a resumable upload in chunks of {@value #UPLOAD_CHUNK_BYTES} bytes,
   * finalized only once the whole content has been read (a failed read abandons the upload, which
   * stores nothing). A missing bucket is created when the upload session cannot open, before any
   * byte has been read.
   */
  @Override
  protected void putObject(
      String container,
      String key,
      InputStream data,
      long length,
      Map<String, String> metadata,
      @Nullable String contentMd5)
      throws IOException {
    BlobInfo info = blobInfo(container, key, metadata, contentMd5);
    WriteChannel writer;
    try {
      writer = writer(info);
    } catch (StorageException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      storage.create(BucketInfo.of(container)); // the session opens before any byte is read
      writer = writer(info);
    }
    writer.setChunkSize(UPLOAD_CHUNK_BYTES);
    byte[] buffer = new byte[64 * 1024];
    for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
      ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
      while (chunk.hasRemaining()) {
        writer.write(chunk);
      }
    }
    writer.close();
  }

  private WriteChannel writer(BlobInfo info) {
    return info.getMd5() == null
        ? storage.writer(info)
        : storage.writer(info, Storage.BlobWriteOption.md5Match());
  }

  private static BlobInfo blobInfo(
      String container, String key, Map<String, String> metadata, @Nullable String contentMd5) {
    BlobInfo.Builder info = BlobInfo.newBuilder(container, key);
    if (!metadata.isEmpty()) {
      info.setMetadata(metadata);
    }
    if (contentMd5 != null) {
      // The server checks the content against it too.
      info.setMd5(contentMd5);
    }
    return info.build();
  }

  @Override
  protected Optional<BlobMetadata> headObject(String container, String key) {
    Blob blob = storage.get(BlobId.of(container, key));
    if (blob == null) {
      return Optional.empty();
    }
    Long size = blob.getSize();
    Map<String, String> metadata = new HashMap<>();
    if (blob.getMetadata() != null) {
      blob.getMetadata().forEach((k, v) -> metadata.put(k, v == null ? "" : v));
    }
    String etag = blob.getEtag();
    return Optional.of(
        new BlobMetadata(size == null ? 0 : size, etag == null ? "" : etag, metadata));
  }

  @Override
  protected List<String> listObjects(String container, String keyPrefix) {
    try {
      Iterable<Blob> blobs =
          storage
              .list(
                  container,
                  BlobListOption.prefix(keyPrefix),
                  BlobListOption.pageSize(settings().listPageSize()))
              .iterateAll();
      return StreamSupport.stream(blobs.spliterator(), false)
          .map(Blob::getName)
          .filter(name -> name.startsWith(keyPrefix) && !name.endsWith("/"))
          .sorted()
          .toList();
    } catch (StorageException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  @Override
  protected void deleteObject(String container, String key) {
    storage.delete(BlobId.of(container, key));
  }

  @Override
  public boolean supportsSignedUrls() {
    return signer != null;
  }

  @Override
  protected FlyteException unsupportedSigning() {
    return new FlyteException(
        ErrorCode.FAILED_PRECONDITION,
        "GCS signed URLs need credentials that can sign: a service-account key"
            + " (flyte.storage.stow.config.json) or workload identity; the configured"
            + " credentials cannot sign");
  }

  @Override
  protected SignedUrl signObject(String container, String key, SignedUrlRequest request) {
    BlobInfo.Builder info = BlobInfo.newBuilder(container, key);
    List<SignUrlOption> options = new ArrayList<>();
    options.add(SignUrlOption.withV4Signature());
    options.add(SignUrlOption.signWith(Objects.requireNonNull(signer)));
    Map<String, String> headers = new HashMap<>();
    if (request.method() == SignedUrlRequest.Method.PUT) {
      options.add(SignUrlOption.httpMethod(HttpMethod.PUT));
      String md5 = request.contentMd5();
      if (md5 != null) {
        // Signed as extension headers: V4 signing leaves withMd5() out of the signed headers.
        headers.put("Content-MD5", md5);
        if (request.addContentMd5Metadata()) {
          headers.put(METADATA_HEADER_PREFIX + BlobMetadata.FLYTE_CONTENT_MD5, md5);
        }
        options.add(SignUrlOption.withExtHeaders(headers));
      }
    } else {
      options.add(SignUrlOption.httpMethod(HttpMethod.GET));
    }
    long seconds = request.expiresIn().toSeconds();
    Instant expiresAt = Instant.now().plusSeconds(seconds);
    var url =
        storage.signUrl(
            info.build(), seconds, TimeUnit.SECONDS, options.toArray(SignUrlOption[]::new));
    return new SignedUrl(URI.create(url.toString()), headers, expiresAt);
  }

  @Override
  protected FlyteException translate(String operation, DataReference reference, Exception e) {
    String message = "failed to " + operation + " [" + reference + "]: " + e.getMessage();
    if (e instanceof StorageException se) {
      if (se.getCode() == 401 || se.getCode() == 403) {
        return new FlyteException(ErrorCode.PERMISSION_DENIED, message, e);
      }
      if (se.getCode() == 0 || se.getCode() >= 500 || se.isRetryable()) {
        return new FlyteException(ErrorCode.UNAVAILABLE, message, e);
      }
    }
    return super.translate(operation, reference, e);
  }

  @Override
  public void close() {
    try {
      storage.close();
    } catch (Exception e) {
      // nothing useful to do when shutting down
    }
  }
}
