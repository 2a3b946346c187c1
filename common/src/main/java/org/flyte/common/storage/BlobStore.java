package org.flyte.common.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Raw access to an object store: the one seam of the storage layer, with a backend per store
 * ({@code s3}, {@code gcs}, {@code local}, {@code memory}).
 *
 * <p>Follows {@code RawStore} of {@code flytestdlib/storage/storage.go} (v1.16.8). Every
 * implementation extends {@link AbstractBlobStore}, which applies Flyte's rules once:
 *
 * <ul>
 *   <li>a reference must use the store's scheme, else INVALID_ARGUMENT;
 *   <li>a reference to a container other than {@link #baseContainer()} fails with
 *       FAILED_PRECONDITION unless multi-container mode is enabled;
 *   <li>reading an object larger than the download limit fails with RESOURCE_EXHAUSTED (Flyte's
 *       {@code LIMIT_EXCEEDED});
 *   <li>reading a missing object fails with NOT_FOUND;
 *   <li>backend failures surface as INTERNAL, PERMISSION_DENIED or UNAVAILABLE.
 * </ul>
 *
 * All errors are {@link org.flyte.common.error.FlyteException}s.
 */
public interface BlobStore extends AutoCloseable {

  /** The configured container as a reference, e.g. {@code s3://my-bucket}. */
  DataReference baseContainer();

  /** The whole object. */
  byte[] read(DataReference reference);

  /** A stream over the object; the caller closes it. */
  InputStream open(DataReference reference);

  /** Creates or replaces the object. */
  void write(DataReference reference, byte[] data, WriteOptions options);

  /**
   * Creates or replaces the object with exactly {@code length} bytes read from {@code data} (which
   * the caller closes), holding no more than a bounded buffer in memory (the memory store excepted:
   * it keeps its objects there). The content is checked as it passes: when it is shorter or longer
   * than {@code length}, or does not match the Content-MD5 of {@code options}, the write fails with
   * INVALID_ARGUMENT, nothing is stored and an existing object is left as it was; so too when
   * {@code data} itself fails.
   *
   * @return the lower-case hex MD5 of the content (an S3 single-part ETag)
   */
  String write(DataReference reference, InputStream data, long length, WriteOptions options);

  /** Creates or replaces the object, without metadata. */
  default void write(DataReference reference, byte[] data) {
    write(reference, data, WriteOptions.defaults());
  }

  /** The object's metadata, or empty when it does not exist. */
  Optional<BlobMetadata> head(DataReference reference);

  /**
   * Every object under {@code prefix} taken as a directory (keys starting with the prefix's key and
   * a slash; the whole container when the key is empty), in lexicographic key order. Backends page
   * through the listing internally.
   */
  List<DataReference> list(DataReference prefix);

  /** Removes the object; removing a missing object is not an error. */
  void delete(DataReference reference);

  /** Whether {@link #signedUrl} can succeed on this store. */
  boolean supportsSignedUrls();

  /**
   * A pre-signed URL for downloading or uploading the object.
   *
   * @throws org.flyte.common.error.FlyteException UNIMPLEMENTED when the backend cannot sign (local
   *     disk, memory), FAILED_PRECONDITION when it could but lacks signing credentials
   */
  SignedUrl signedUrl(DataReference reference, SignedUrlRequest request);

  /** Releases clients and connections. */
  @Override
  default void close() {}
}
