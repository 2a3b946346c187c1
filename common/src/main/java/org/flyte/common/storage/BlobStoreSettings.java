package org.flyte.common.storage;

import java.util.Objects;

/**
 * The rules every backend applies, taken from {@link StorageProperties}.
 *
 * @param container the base container (bucket); references to other containers are refused unless
 *     {@code enableMulticontainer}
 * @param enableMulticontainer allow references to any container ({@code
 *     flyte.storage.enable-multicontainer})
 * @param maxDownloadMbs reads of objects larger than this many MiB fail; 0 disables the check
 *     ({@code flyte.storage.limits.max-download-mbs})
 * @param listPageSize how many keys one list request asks for (backends that page)
 */
public record BlobStoreSettings(
    String container, boolean enableMulticontainer, int maxDownloadMbs, int listPageSize) {

  /** Flyte's default download limit, in MiB. */
  public static final int DEFAULT_MAX_DOWNLOAD_MBS = 2;

  /** The page size S3 and GCS use when none is asked for. */
  public static final int DEFAULT_LIST_PAGE_SIZE = 1000;

  public BlobStoreSettings {
    Objects.requireNonNull(container, "container");
    if (maxDownloadMbs < 0) {
      throw new IllegalArgumentException("maxDownloadMbs must be >= 0, was " + maxDownloadMbs);
    }
    if (listPageSize <= 0) {
      throw new IllegalArgumentException("listPageSize must be > 0, was " + listPageSize);
    }
  }

  /** Flyte's defaults for {@code container}: single container, 2 MiB download limit. */
  public static BlobStoreSettings of(String container) {
    return new BlobStoreSettings(
        container, false, DEFAULT_MAX_DOWNLOAD_MBS, DEFAULT_LIST_PAGE_SIZE);
  }

  public BlobStoreSettings withMulticontainer(boolean enabled) {
    return new BlobStoreSettings(container, enabled, maxDownloadMbs, listPageSize);
  }

  public BlobStoreSettings withMaxDownloadMbs(int mbs) {
    return new BlobStoreSettings(container, enableMulticontainer, mbs, listPageSize);
  }

  public BlobStoreSettings withListPageSize(int size) {
    return new BlobStoreSettings(container, enableMulticontainer, maxDownloadMbs, size);
  }

  /** The download limit in bytes; 0 when disabled. */
  public long maxDownloadBytes() {
    return maxDownloadMbs * 1024L * 1024L;
  }
}
