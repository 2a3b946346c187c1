package org.flyte.common.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.flyte.common.storage.gcs.GcsBlobStore;
import org.flyte.common.storage.gcs.TestServiceAccounts;
import org.flyte.common.storage.local.LocalBlobStore;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.common.storage.s3.S3BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding of Flyte's storage keys and the backend each configuration shape selects. */
class BlobStoreFactoryTest {

  @TempDir Path dir;

  private static StorageProperties bind(String... keyValues) {
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.put(keyValues[i], keyValues[i + 1]);
    }
    return StorageTestProperties.bind(properties);
  }

  private static BlobStore create(String... keyValues) {
    return BlobStoreFactory.create(bind(keyValues));
  }

  @Test
  void defaultsAreFlytes() {
    StorageProperties properties = bind();

    assertThat(properties.type()).isEqualTo("s3");
    assertThat(properties.container()).isNull();
    assertThat(properties.enableMulticontainer()).isFalse();
    assertThat(properties.connection().authType()).isEqualTo("iam");
    assertThat(properties.connection().region()).isEqualTo("us-east-1");
    assertThat(properties.limits().maxDownloadMbs()).isEqualTo(2);
    assertThat(properties.stow().config()).isEmpty();
    assertThat(properties.signedUrl().stowConfigOverride()).isEmpty();
  }

  @Test
  void flyteSpellingsBind() {
    StorageProperties properties =
        bind(
            "flyte.storage.type", "stow",
            "flyte.storage.container", "my-s3-bucket",
            "flyte.storage.enable-multicontainer", "true",
            "flyte.storage.limits.maxDownloadMBs", "10",
            "flyte.storage.connection.auth-type", "accesskey",
            "flyte.storage.connection.disable-ssl", "true",
            "flyte.storage.stow.kind", "s3",
            "flyte.storage.stow.config[access_key_id]", "minio",
            "flyte.storage.signedUrl.stowConfigOverride[endpoint]", "http://localhost:30002",
            "flyte.storage.cache.max_size_mbs", "0",
            "flyte.storage.cache.target_gc_percent", "70",
            "flyte.storage.defaultHttpClient.timeout", "10s");

    assertThat(properties.enableMulticontainer()).isTrue();
    assertThat(properties.limits().maxDownloadMbs()).isEqualTo(10);
    assertThat(properties.connection().authType()).isEqualTo("accesskey");
    assertThat(properties.connection().disableSsl()).isTrue();
    assertThat(properties.stow().config()).containsEntry("access_key_id", "minio");
    assertThat(properties.signedUrl().stowConfigOverride())
        .containsEntry("endpoint", "http://localhost:30002");
  }

  @Test
  void memIsTheInMemoryStoreWithADefaultContainer() {
    BlobStore store = create("flyte.storage.type", "mem");

    assertThat(store).isInstanceOf(InMemoryBlobStore.class);
    assertThat(store.baseContainer()).hasToString("mem://flyte");
  }

  @Test
  void localFollowsFlytesStowLocalPath() {
    BlobStore store =
        create(
            "flyte.storage.type", "local",
            "flyte.storage.container", "flyte-data",
            "flyte.storage.stow.kind", "local",
            "flyte.storage.stow.config[path]", dir.toString());

    assertThat(store).isInstanceOf(LocalBlobStore.class);
    assertThat(((LocalBlobStore) store).root()).isEqualTo(dir.toAbsolutePath());
    assertThat(store.baseContainer()).hasToString("file://flyte-data");
    assertThat(dir.resolve("flyte-data")).isDirectory();
  }

  @Test
  void localAcceptsOurLocalPathKey() {
    BlobStore store =
        create(
            "flyte.storage.type", "local",
            "flyte.storage.container", "c",
            "flyte.storage.local.path", dir.resolve("root").toString());

    assertThat(store).isInstanceOf(LocalBlobStore.class);
    assertThat(dir.resolve("root/c")).isDirectory();
  }

  @Test
  void legacyConnectionBlockIsAnS3Location() {
    BlobStore store =
        create(
            "flyte.storage.type", "s3",
            "flyte.storage.container", "my-bucket",
            "flyte.storage.connection.auth-type", "iam",
            "flyte.storage.connection.region", "us-east-2");

    assertThat(store).isInstanceOf(S3BlobStore.class);
    assertThat(store.baseContainer()).hasToString("s3://my-bucket");
    store.close();
  }

  @Test
  void sandboxStowConfigSignsUrlsForThePublicEndpoint() {
    BlobStore store =
        create(
            "flyte.storage.type", "stow",
            "flyte.storage.container", "my-s3-bucket",
            "flyte.storage.stow.kind", "s3",
            "flyte.storage.stow.config[auth_type]", "accesskey",
            "flyte.storage.stow.config[access_key_id]", "minio",
            "flyte.storage.stow.config[secret_key]", "miniostorage",
            "flyte.storage.stow.config[disable_ssl]", "true",
            "flyte.storage.stow.config[v2_signing]", "true",
            "flyte.storage.stow.config[endpoint]", "http://flyte-sandbox-minio.flyte:9000",
            "flyte.storage.signedUrl.stowConfigOverride[endpoint]", "http://localhost:30002");

    SignedUrl url =
        store.signedUrl(
            store.baseContainer().resolve("metadata", "x"),
            SignedUrlRequest.get(Duration.ofMinutes(5)));

    assertThat(url.url().toString()).startsWith("http://localhost:30002/my-s3-bucket/metadata/x?");
    store.close();
  }

  @Test
  void stowKindAndConfigWinOverTheTypeAsInFlyte() {
    BlobStore store =
        create(
            "flyte.storage.type", "s3",
            "flyte.storage.container", "my-gcs-bucket",
            "flyte.storage.stow.kind", "google",
            "flyte.storage.stow.config[json]", TestServiceAccounts.json(),
            "flyte.storage.stow.config[project_id]", "my-project");

    assertThat(store).isInstanceOf(GcsBlobStore.class);
    assertThat(store.baseContainer()).hasToString("gs://my-gcs-bucket");
    assertThat(store.supportsSignedUrls()).isTrue();
    store.close();
  }

  @Test
  void gcsTypeIsTheGoogleKind() {
    BlobStore store =
        create(
            "flyte.storage.type", "gcs",
            "flyte.storage.container", "bucket",
            "flyte.storage.stow.config[json]", TestServiceAccounts.json());

    assertThat(store).isInstanceOf(GcsBlobStore.class);
    store.close();
  }

  @Test
  void unreadableGoogleCredentialsAreReported() {
    assertRejected(
        "not a valid Google credentials file",
        "flyte.storage.type",
        "gcs",
        "flyte.storage.container",
        "bucket",
        "flyte.storage.stow.config[json]",
        "{\"type\": \"nonsense\"}");
  }

  @Test
  void missingContainerIsRejected() {
    assertRejected("container is required for type 's3'", "flyte.storage.type", "s3");
  }

  @Test
  void unknownTypeIsRejected() {
    assertRejected("type must be one of", "flyte.storage.type", "ceph");
  }

  @Test
  void unsupportedStowKindIsRejected() {
    assertRejected(
        "stow kind 'azure' is not supported",
        "flyte.storage.type",
        "stow",
        "flyte.storage.container",
        "c",
        "flyte.storage.stow.kind",
        "azure",
        "flyte.storage.stow.config[account]",
        "acct");
  }

  @Test
  void minioWithoutEndpointIsRejected() {
    assertRejected(
        "type 'minio' needs an endpoint",
        "flyte.storage.type",
        "minio",
        "flyte.storage.container",
        "c",
        "flyte.storage.connection.auth-type",
        "accesskey",
        "flyte.storage.connection.access-key",
        "k",
        "flyte.storage.connection.secret-key",
        "s");
  }

  @Test
  void accessKeyAuthWithoutKeysIsRejected() {
    assertRejected(
        "needs an access key and a secret key",
        "flyte.storage.type",
        "s3",
        "flyte.storage.container",
        "c",
        "flyte.storage.connection.auth-type",
        "accesskey");
  }

  @Test
  void localWithoutPathIsRejected() {
    assertRejected(
        "local storage needs a root directory",
        "flyte.storage.type",
        "local",
        "flyte.storage.container",
        "c");
  }

  @Test
  void negativeDownloadLimitIsRejected() {
    assertRejected(
        "max-download-mbs must be 0",
        "flyte.storage.type",
        "mem",
        "flyte.storage.limits.max-download-mbs",
        "-1");
  }

  @Test
  void secretsStayOutOfToString() {
    StorageProperties properties =
        bind(
            "flyte.storage.connection.secret-key", "hunter2",
            "flyte.storage.stow.config[secret_key]", "hunter3",
            "flyte.storage.signedUrl.stowConfigOverride[secret_key]", "hunter4");

    assertThat(properties.toString()).doesNotContain("hunter2", "hunter3", "hunter4");
  }

  private static void assertRejected(String message, String... keyValues) {
    assertThatThrownBy(() -> create(keyValues))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Invalid flyte.storage configuration: ")
        .hasMessageContaining(message);
  }
}
