package org.flyte.common.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flyte.common.storage.local.LocalBlobStore;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.common.storage.s3.S3BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StorageAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(StorageAutoConfiguration.class));

  @TempDir Path dir;

  @Test
  void memPropertiesGiveTheInMemoryStoreAndAProtoStoreOverIt() {
    runner
        .withPropertyValues("flyte.storage.type=mem", "flyte.storage.container=test")
        .run(
            context -> {
              assertThat(context).hasSingleBean(BlobStore.class).hasSingleBean(ProtoStore.class);
              BlobStore store = context.getBean(BlobStore.class);
              assertThat(store).isInstanceOf(InMemoryBlobStore.class);
              assertThat(store.baseContainer()).hasToString("mem://test");
              assertThat(context.getBean(ProtoStore.class).blobs()).isSameAs(store);
            });
  }

  @Test
  void localPropertiesGiveTheLocalStore() {
    runner
        .withPropertyValues(
            "flyte.storage.type=local",
            "flyte.storage.container=flyte",
            "flyte.storage.stow.kind=local",
            "flyte.storage.stow.config[path]=" + dir)
        .run(
            context -> {
              assertThat(context.getBean(BlobStore.class)).isInstanceOf(LocalBlobStore.class);
              assertThat(dir.resolve("flyte")).isDirectory();
            });
  }

  @Test
  void minioPropertiesGiveTheS3StoreWithTheLimitApplied() {
    runner
        .withPropertyValues(
            "flyte.storage.type=minio",
            "flyte.storage.container=my-s3-bucket",
            "flyte.storage.limits.maxDownloadMBs=10",
            "flyte.storage.connection.endpoint=http://minio:9000",
            "flyte.storage.connection.auth-type=accesskey",
            "flyte.storage.connection.access-key=minio",
            "flyte.storage.connection.secret-key=miniostorage")
        .run(
            context -> {
              BlobStore store = context.getBean(BlobStore.class);
              assertThat(store).isInstanceOf(S3BlobStore.class);
              assertThat(((S3BlobStore) store).settings().maxDownloadMbs()).isEqualTo(10);
            });
  }

  @Test
  void badConfigurationStopsTheContextWithAReadableMessage() {
    runner
        .withPropertyValues("flyte.storage.type=s3")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("Invalid flyte.storage configuration")
                    .hasMessageContaining("container is required"));
  }

  @Test
  void anApplicationsOwnBlobStoreWins() {
    BlobStore own = new InMemoryBlobStore(BlobStoreSettings.of("own"));
    runner
        .withPropertyValues("flyte.storage.type=s3")
        .withBean(BlobStore.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(BlobStore.class)).isSameAs(own);
              assertThat(context.getBean(ProtoStore.class).blobs()).isSameAs(own);
            });
  }
}
