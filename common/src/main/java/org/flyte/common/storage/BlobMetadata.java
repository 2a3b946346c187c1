package org.flyte.common.storage;

import java.util.Map;
import java.util.Optional;

/**
 * What {@link BlobStore#head} reports about an object.
 *
 * <p>Follows the {@code Metadata} interface of {@code flytestdlib/storage/storage.go} (v1.16.8).
 *
 * @param size the object's length in bytes
 * @param etag the backend's entity tag, without surrounding quotes (hex MD5 of the content for S3
 *     single-part uploads, the local store and the in-memory store)
 * @param userMetadata user metadata with lower-case keys (S3 {@code x-amz-meta-*}, GCS {@code
 *     x-goog-meta-*})
 */
public record BlobMetadata(long size, String etag, Map<String, String> userMetadata) {

  /**
   * The user-metadata key under which Flyte records the base64 MD5 of uploaded content (Flyte
   * spells it {@code flyteContentMD5}; object stores lower-case metadata keys).
   */
  public static final String FLYTE_CONTENT_MD5 = "flytecontentmd5";

  public BlobMetadata {
    userMetadata = WriteOptions.lowerCaseKeys(userMetadata);
  }

  /** The {@code flytecontentmd5} user metadata (base64 MD5), when the writer recorded it. */
  public Optional<String> contentMd5() {
    return Optional.ofNullable(userMetadata.get(FLYTE_CONTENT_MD5));
  }
}
