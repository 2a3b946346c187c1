package org.flyte.common.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.jspecify.annotations.Nullable;

/**
 * The base of every backend: checks references against Flyte's rules once, then calls the backend's
 * object operations with a plain container and key.
 *
 * <p>Follows {@code flytestdlib/storage/stow_store.go} (v1.16.8): {@code getContainer} (the
 * container rule, "Dynamic loading is disabled") and {@code ReadRaw} (the download limit). Unlike
 * Go, the container rule also applies to signing (Go signs URLs for any bucket) and to {@code head}
 * (Go reports a foreign container's objects as missing), and errors carry an {@link ErrorCode}:
 *
 * <ul>
 *   <li>INVALID_ARGUMENT: wrong scheme, empty key, Content-MD5 mismatch, bad expiry;
 *   <li>FAILED_PRECONDITION: a foreign container without multi-container mode;
 *   <li>RESOURCE_EXHAUSTED: the object exceeds {@code max-download-mbs} (Flyte's {@code
 *       LIMIT_EXCEEDED}: a caller-visible limit, like gRPC's own message-size limit);
 *   <li>NOT_FOUND: reading a missing object;
 *   <li>UNIMPLEMENTED: signing on a backend that cannot sign;
 *   <li>INTERNAL: other backend failures, which backends refine in {@link #translate} (S3 and GCS
 *       report refused access as PERMISSION_DENIED, connection failures and 5xx as UNAVAILABLE).
 * </ul>
 */
public abstract class AbstractBlobStore implements BlobStore {

  /** The longest lifetime S3 SigV4 and GCS V4 signatures allow. */
  public static final Duration MAX_SIGNED_URL_LIFETIME = Duration.ofDays(7);

  private final String scheme;
  private final BlobStoreSettings settings;
  private final DataReference baseContainer;

  protected AbstractBlobStore(String scheme, BlobStoreSettings settings) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.baseContainer = DataReference.of(scheme, settings.container(), "");
  }

  /** An open object and its length. {@code abort} discards it without reading it to the end. */
  protected record ObjectStream(InputStream stream, long size, Runnable abort) {

    public ObjectStream {
      Objects.requireNonNull(stream, "stream");
      Objects.requireNonNull(abort, "abort");
    }

    public ObjectStream(InputStream stream, long size) {
      this(stream, size, () -> closeQuietly(stream));
    }
  }

  /** Opens the object, or returns empty when it (or its container) does not exist. */
  protected abstract Optional<ObjectStream> openObject(String container, String key)
      throws IOException;

  /**
   * Creates or replaces the object with the bytes of {@code data}, whose length is {@code length}
   * and which the backend reads to its end (a read may fail: then nothing must be stored), holding
   * no more than a bounded buffer in memory; metadata keys are lower case. The content has been or
   * is being checked against {@code contentMd5}; backends that can also send it to the server.
   */
  protected abstract void putObject(
      String container,
      String key,
      InputStream data,
      long length,
      Map<String, String> metadata,
      @Nullable String contentMd5)
      throws IOException;

  /** Creates or replaces the object from bytes in memory; by default through the stream form. */
  protected void putObject(
      String container,
      String key,
      byte[] data,
      Map<String, String> metadata,
      @Nullable String contentMd5)
      throws IOException {
    putObject(container, key, new ByteArrayInputStream(data), data.length, metadata, contentMd5);
  }

  /** The object's metadata, or empty when it (or its container) does not exist. */
  protected abstract Optional<BlobMetadata> headObject(String container, String key)
      throws IOException;

  /** Every key starting with {@code keyPrefix} (a plain string prefix), in lexicographic order. */
  protected abstract List<String> listObjects(String container, String keyPrefix)
      throws IOException;

  /** Removes the object if present. */
  protected abstract void deleteObject(String container, String key) throws IOException;

  /** Signs a URL; only called when {@link #supportsSignedUrls()} is true. */
  protected SignedUrl signObject(String container, String key, SignedUrlRequest request)
      throws IOException {
    throw unsupportedSigning();
  }

  @Override
  public boolean supportsSignedUrls() {
    return false;
  }

  /** The error callers see when this backend cannot sign URLs. */
  protected FlyteException unsupportedSigning() {
    return new FlyteException(
        ErrorCode.UNIMPLEMENTED,
        "signed URLs are not supported by the "
            + scheme
            + ":// store ("
            + getClass().getSimpleName()
            + ")");
  }

  /** Turns a backend failure into a caller-facing error; backends refine the code. */
  protected FlyteException translate(String operation, DataReference reference, Exception e) {
    return new FlyteException(
        ErrorCode.INTERNAL,
        "failed to " + operation + " [" + reference + "]: " + e.getMessage(),
        e);
  }

  /** The settings this store applies. */
  public BlobStoreSettings settings() {
    return settings;
  }

  @Override
  public final DataReference baseContainer() {
    return baseContainer;
  }

  @Override
  public final byte[] read(DataReference reference) {
    try (InputStream in = open(reference)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw translate("read", reference, e);
    }
  }

  @Override
  public final InputStream open(DataReference reference) {
    checkObject(reference);
    ObjectStream object =
        call("read", reference, () -> openObject(reference.container(), reference.key()))
            .orElseThrow(() -> FlyteException.notFound("object [%s] does not exist", reference));
    long limit = settings.maxDownloadBytes();
    if (limit > 0 && object.size() > limit) {
      object.abort().run();
      throw new FlyteException(
          ErrorCode.RESOURCE_EXHAUSTED,
          String.format(
              Locale.ROOT,
              "limit exceeded reading [%s]. %.6fmb > %dmb. You can increase the limit by setting"
                  + " maxDownloadMBs.",
              reference,
              object.size() / (1024.0 * 1024.0),
              settings.maxDownloadMbs()));
    }
    return object.stream();
  }

  @Override
  public final void write(DataReference reference, byte[] data, WriteOptions options) {
    checkObject(reference);
    String md5 = options.contentMd5();
    if (md5 != null && !md5.equals(ContentDigests.base64Md5(data))) {
      throw FlyteException.invalidArgument(
          "content of [%s] does not match its Content-MD5 [%s]", reference, md5);
    }
    call(
        "write",
        reference,
        () -> {
          putObject(reference.container(), reference.key(), data, options.metadata(), md5);
          return null;
        });
  }

  @Override
  public final String write(
      DataReference reference, InputStream data, long length, WriteOptions options) {
    checkObject(reference);
    if (length < 0) {
      throw FlyteException.invalidArgument(
          "the length of the content of [%s] is unknown", reference);
    }
    VerifyingInputStream content = new VerifyingInputStream(data, length, options.contentMd5());
    try {
      if (length == 0) {
        content.verifyEnd();
      }
      putObject(
          reference.container(),
          reference.key(),
          content,
          length,
          options.metadata(),
          options.contentMd5());
      content.verifyEnd();
    } catch (IOException | RuntimeException e) {
      throw refusedContent(reference, content).orElseGet(() -> translateWrite(reference, e));
    }
    return content.hexMd5();
  }

  private static Optional<FlyteException> refusedContent(
      DataReference reference, VerifyingInputStream content) {
    if (content.mismatch() != null) {
      return Optional.of(
          FlyteException.invalidArgument(
              "content of [%s] refused: %s", reference, content.mismatch().getMessage()));
    }
    if (content.sourceFailure() != null) {
      return Optional.of(
          FlyteException.invalidArgument(
              "failed to read the content of [%s]: %s",
              reference, content.sourceFailure().getMessage()));
    }
    return Optional.empty();
  }

  private FlyteException translateWrite(DataReference reference, Exception e) {
    return e instanceof FlyteException flyte ? flyte : translate("write", reference, e);
  }

  @Override
  public final Optional<BlobMetadata> head(DataReference reference) {
    checkObject(reference);
    return call("head", reference, () -> headObject(reference.container(), reference.key()));
  }

  @Override
  public final List<DataReference> list(DataReference prefix) {
    checkContainer(prefix);
    String keyPrefix = prefix.key().isEmpty() ? "" : prefix.key() + "/";
    List<String> keys = call("list", prefix, () -> listObjects(prefix.container(), keyPrefix));
    return keys.stream()
        // "folder" placeholders ("dir/") are not objects a reference can name
        .filter(k -> !k.endsWith("/"))
        .map(k -> DataReference.of(scheme, prefix.container(), k))
        .toList();
  }

  @Override
  public final void delete(DataReference reference) {
    checkObject(reference);
    call(
        "delete",
        reference,
        () -> {
          deleteObject(reference.container(), reference.key());
          return null;
        });
  }

  @Override
  public final SignedUrl signedUrl(DataReference reference, SignedUrlRequest request) {
    checkObject(reference);
    Duration expiresIn = request.expiresIn();
    if (expiresIn.isNegative()
        || expiresIn.isZero()
        || expiresIn.compareTo(MAX_SIGNED_URL_LIFETIME) > 0) {
      throw FlyteException.invalidArgument(
          "signed URL lifetime must be more than 0 and at most %s, was %s",
          MAX_SIGNED_URL_LIFETIME, expiresIn);
    }
    if (request.addContentMd5Metadata() && request.contentMd5() == null) {
      throw FlyteException.invalidArgument(
          "a content MD5 is required to add it as %s metadata", BlobMetadata.FLYTE_CONTENT_MD5);
    }
    if (!supportsSignedUrls()) {
      throw unsupportedSigning();
    }
    return call(
        "sign a URL for",
        reference,
        () -> signObject(reference.container(), reference.key(), request));
  }

  private void checkObject(DataReference reference) {
    checkContainer(reference);
    if (reference.key().isEmpty()) {
      throw FlyteException.invalidArgument(
          "data reference [%s] names a container, not an object", reference);
    }
  }

  private void checkContainer(DataReference reference) {
    Objects.requireNonNull(reference, "reference");
    if (!reference.scheme().equalsIgnoreCase(scheme)) {
      throw FlyteException.invalidArgument(
          "data reference [%s] does not belong to this %s:// store", reference, scheme);
    }
    if (!settings.enableMulticontainer() && !reference.container().equals(settings.container())) {
      throw new FlyteException(
          ErrorCode.FAILED_PRECONDITION,
          "Conf container:"
              + settings.container()
              + " != Passed Container:"
              + reference.container()
              + ". Dynamic loading is disabled (set flyte.storage.enable-multicontainer to allow"
              + " other containers)");
    }
  }

  /** A backend operation that may throw. */
  @FunctionalInterface
  private interface Operation<T> {
    T run() throws IOException;
  }

  private <T> T call(String operation, DataReference reference, Operation<T> body) {
    try {
      return body.run();
    } catch (FlyteException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw translate(operation, reference, e);
    }
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // discarding an object we will not read
    }
  }
}
