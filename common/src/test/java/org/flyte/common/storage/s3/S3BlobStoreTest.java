package org.flyte.common.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.BlobStoreContract;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract against an in-process s3proxy, with a store built from a stow {@code s3} config. */
class S3BlobStoreTest extends BlobStoreContract {

  @Override
  protected BlobStore newStore(BlobStoreSettings settings) {
    S3Connection connection = S3Connection.fromStowConfig(S3ProxyFixture.stowConfig());
    try (S3Client admin = connection.newClient()) {
      admin.createBucket(b -> b.bucket(settings.container()));
    }
    return S3BlobStore.create(connection, connection, settings);
  }

  @Override
  protected Signing signing() {
    return Signing.FETCHABLE;
  }

  @Test
  void baseContainerUsesTheS3Scheme() {
    BlobStore store = store(BlobStoreSettings.of("my-s3-bucket"));

    assertThat(store.baseContainer()).hasToString("s3://my-s3-bucket");
  }

  @Test
  void signedUrlsArePathStyleSigV4() {
    BlobStore store = store();
    DataReference ref = store.baseContainer().resolve("dir", "file name.txt");

    SignedUrl url = store.signedUrl(ref, SignedUrlRequest.get(Duration.ofMinutes(5)));

    assertThat(url.url().getHost()).isEqualTo(S3ProxyFixture.endpoint().getHost());
    assertThat(url.url().getRawPath()).isEqualTo("/" + ref.container() + "/dir/file%20name.txt");
    assertThat(url.url().getRawQuery())
        .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=300", "X-Amz-Signature=");
    assertThat(url.headers()).isEmpty();
  }

  @Test
  void writeToAMissingBucketCreatesIt() {
    BlobStore store = store(BlobStoreSettings.of(randomName("bucket")).withMulticontainer(true));
    DataReference elsewhere = DataReference.of("s3", randomName("fresh"), "k");

    store.write(elsewhere, new byte[] {5});

    assertThat(store.read(elsewhere)).containsExactly(5);
  }
}
