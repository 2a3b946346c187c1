package org.flyte.common.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.BlobStoreContract;
import org.flyte.common.storage.BlobStoreSettings;
import org.junit.jupiter.api.Test;

class InMemoryBlobStoreTest extends BlobStoreContract {

  @Override
  protected BlobStore newStore(BlobStoreSettings settings) {
    return new InMemoryBlobStore(settings);
  }

  @Override
  protected Signing signing() {
    return Signing.NONE;
  }

  @Test
  void baseContainerUsesTheMemScheme() {
    BlobStore store = store(BlobStoreSettings.of("flyte"));

    assertThat(store.baseContainer()).hasToString("mem://flyte");
  }

  @Test
  void etagIsTheHexMd5OfTheContentAsInFlyte() {
    BlobStore store = store();
    var ref = store.baseContainer().resolve("k");

    store.write(ref, "abc".getBytes());

    assertThat(store.head(ref).orElseThrow().etag()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
  }
}
