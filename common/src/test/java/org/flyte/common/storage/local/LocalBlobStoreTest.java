package org.flyte.common.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.BlobStoreContract;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest extends BlobStoreContract {

  @TempDir Path root;

  @Override
  protected BlobStore newStore(BlobStoreSettings settings) {
    return new LocalBlobStore(root, settings);
  }

  @Override
  protected Signing signing() {
    return Signing.NONE;
  }

  @Test
  void objectsAreFilesUnderTheContainerDirectory() throws IOException {
    BlobStore store = store(BlobStoreSettings.of("my-bucket"));
    DataReference ref = store.baseContainer().resolve("metadata", "execution name", "inputs");

    store.write(ref, new byte[] {1, 2, 3});

    assertThat(store.baseContainer()).hasToString("file://my-bucket");
    assertThat(Files.readAllBytes(root.resolve("my-bucket/metadata/execution name/inputs")))
        .containsExactly(1, 2, 3);
  }

  @Test
  void filesWrittenByOthersAreReadable() throws IOException {
    BlobStore store = store(BlobStoreSettings.of("shared"));
    Path file = root.resolve("shared/propeller/outputs.pb");
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {9});

    DataReference ref = DataReference.parse("file://shared/propeller/outputs.pb");

    assertThat(store.read(ref)).containsExactly(9);
    assertThat(store.head(ref).orElseThrow().userMetadata()).isEmpty();
  }

  @Test
  void keysThatLeaveTheContainerAreRejected() {
    BlobStore store = store(BlobStoreSettings.of("box"));
    DataReference escape = DataReference.parse("file://box/a/%2E%2E/%2E%2E/outside");

    assertCode(() -> store.write(escape, new byte[1]), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> store.read(escape), ErrorCode.INVALID_ARGUMENT);
    assertThat(root.resolve("outside")).doesNotExist();
  }

  @Test
  void containersThatAreNotPlainDirectoryNamesAreRejected() {
    BlobStore store = store(BlobStoreSettings.of("box").withMulticontainer(true));

    assertCode(
        () -> store.write(DataReference.parse("file://.flyte-metadata/x"), new byte[1]),
        ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void sidecarsAndTemporaryFilesStayOutOfListings() throws IOException {
    BlobStore store = store(BlobStoreSettings.of("box"));
    DataReference ref = store.baseContainer().resolve("k");
    store.write(ref, new byte[1], WriteOptions.defaults().withMetadata("owner", "me"));

    assertThat(store.list(store.baseContainer())).containsExactly(ref);
    assertThat(root.resolve(LocalBlobStore.METADATA_DIR).resolve("box/k.properties")).exists();
    try (Stream<Path> temp = Files.list(root.resolve(LocalBlobStore.TEMP_DIR))) {
      assertThat(temp).isEmpty();
    }

    store.delete(ref);

    assertThat(root.resolve(LocalBlobStore.METADATA_DIR).resolve("box/k.properties"))
        .doesNotExist();
  }
}
