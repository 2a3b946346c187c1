package org.flyte.common.storage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.flyte.common.error.FlyteException;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link BlobStore#write}: user metadata and an optional Content-MD5.
 *
 * <p>Follows {@code Options} of {@code flytestdlib/storage/storage.go} (v1.16.8), which carries the
 * metadata map only; the Content-MD5 check is ours.
 *
 * @param metadata user metadata; keys are lower-cased (object stores do so too)
 * @param contentMd5 base64 MD5 of the content, or null; when set the write fails with
 *     INVALID_ARGUMENT unless the bytes match it, and cloud backends also send it to the server
 */
public record WriteOptions(Map<String, String> metadata, @Nullable String contentMd5) {

  private static final WriteOptions DEFAULTS = new WriteOptions(Map.of(), null);

  public WriteOptions {
    metadata = lowerCaseKeys(metadata);
  }

  /** No metadata, no Content-MD5. */
  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  /** A copy with one more metadata entry. */
  public WriteOptions withMetadata(String key, String value) {
    Map<String, String> copy = new HashMap<>(metadata);
    copy.put(key, value);
    return new WriteOptions(copy, contentMd5);
  }

  /** A copy that checks the content against {@code base64Md5}. */
  public WriteOptions withContentMd5(String base64Md5) {
    return new WriteOptions(metadata, base64Md5);
  }

  /**
   * A copy that also records the Content-MD5 as the {@code flytecontentmd5} user metadata, as
   * Flyte's signed uploads do with {@code addContentMD5Metadata}.
   */
  public WriteOptions withContentMd5Metadata() {
    if (contentMd5 == null) {
      throw FlyteException.invalidArgument(
          "a content MD5 is required to record it as %s metadata", BlobMetadata.FLYTE_CONTENT_MD5);
    }
    return withMetadata(BlobMetadata.FLYTE_CONTENT_MD5, contentMd5);
  }

  static Map<String, String> lowerCaseKeys(Map<String, String> map) {
    Map<String, String> lower = new HashMap<>();
    map.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return Map.copyOf(lower);
  }
}
