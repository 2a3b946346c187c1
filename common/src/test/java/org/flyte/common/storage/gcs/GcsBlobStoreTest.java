package org.flyte.common.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.BlobStoreContract;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.ContentDigests;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.junit.jupiter.api.Test;

/**
 * The contract against google-cloud-nio's in-memory Storage fake. Each store gets its own fake
 * ({@code customOptions}; {@code getOptions()} resets one shared instance, which would break
 * parallel tests). The fake is not an HTTP server, so signed URLs are checked for shape only.
 */
class GcsBlobStoreTest extends BlobStoreContract {

  /**
   * The fake honours a page size by truncating the listing without a next-page token, so stores
   * under test list with the default page size; paging is covered by the S3 tests.
   */
  @Override
  protected BlobStore newStore(BlobStoreSettings settings) {
    return new GcsBlobStore(
        LocalStorageHelper.customOptions(false).getService(),
        TestServiceAccounts.credentials(),
        settings.withListPageSize(BlobStoreSettings.DEFAULT_LIST_PAGE_SIZE));
  }

  @Override
  protected Signing signing() {
    return Signing.URL_ONLY;
  }

  /**
   * The fake creates an empty object when a resumable upload opens; GCS creates one only when the
   * upload is finalized, which a refused streaming write never does.
   */
  @Override
  public boolean abandonedUploadsLeaveNoObject() {
    return false;
  }

  /** The fake sets no ETag; real GCS always does. */
  @Override
  protected boolean reportsEtags() {
    return false;
  }

  @Test
  void baseContainerUsesTheGsScheme() {
    BlobStore store = store(BlobStoreSettings.of("my-gcs-bucket"));

    assertThat(store.baseContainer()).hasToString("gs://my-gcs-bucket");
  }

  @Test
  void signedGetIsAV4UrlForTheObject() {
    BlobStore store = store();
    DataReference ref = store.baseContainer().resolve("dir", "deck.html");

    SignedUrl url = store.signedUrl(ref, SignedUrlRequest.get(Duration.ofMinutes(10)));

    assertThat(url.url().getScheme()).isEqualTo("https");
    assertThat(url.url().getHost()).isEqualTo("storage.googleapis.com");
    assertThat(url.url().getRawPath()).isEqualTo("/" + ref.container() + "/dir/deck.html");
    String query = URLDecoder.decode(url.url().getRawQuery(), StandardCharsets.UTF_8);
    assertThat(query)
        .contains(
            "X-Goog-Algorithm=GOOG4-RSA-SHA256",
            "X-Goog-Expires=600",
            "X-Goog-Credential=" + TestServiceAccounts.CLIENT_EMAIL + "/",
            "X-Goog-SignedHeaders=host",
            "X-Goog-Signature=");
    assertThat(url.headers()).isEmpty();
  }

  @Test
  void signedPutSignsTheContentMd5AndMetadataHeaders() {
    BlobStore store = store();
    DataReference ref = store.baseContainer().resolve("upload");
    String md5 = ContentDigests.base64Md5("payload".getBytes(StandardCharsets.UTF_8));

    SignedUrl url = store.signedUrl(ref, SignedUrlRequest.put(Duration.ofHours(1), md5, true));

    String query = URLDecoder.decode(url.url().getRawQuery(), StandardCharsets.UTF_8);
    assertThat(query)
        .contains(
            "X-Goog-Expires=3600",
            "X-Goog-SignedHeaders=content-md5;host;x-goog-meta-flytecontentmd5");
    assertThat(url.headers())
        .containsEntry("Content-MD5", md5)
        .containsEntry("x-goog-meta-flytecontentmd5", md5);
  }

  @Test
  void signingWithoutSigningCredentialsFailsClearly() {
    BlobStore store = store(BlobStoreSettings.of(randomName("bucket")));
    BlobStore unsigned =
        new GcsBlobStore(
            LocalStorageHelper.customOptions(false).getService(),
            null,
            BlobStoreSettings.of(store.baseContainer().container()));

    assertThat(unsigned.supportsSignedUrls()).isFalse();
    assertCode(
        () ->
            unsigned.signedUrl(
                unsigned.baseContainer().resolve("k"), SignedUrlRequest.get(Duration.ofMinutes(1))),
        ErrorCode.FAILED_PRECONDITION);
  }
}
