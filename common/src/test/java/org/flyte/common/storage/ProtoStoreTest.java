package org.flyte.common.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flyteidl.core.Literals.LiteralMap;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.junit.jupiter.api.Test;

class ProtoStoreTest {

  private final ProtoStore protos =
      new ProtoStore(new InMemoryBlobStore(BlobStoreSettings.of("flyte")));

  @Test
  void bytesThatAreNotTheMessageFailAsInternal() {
    DataReference ref = protos.blobs().baseContainer().resolve("garbage");
    protos.blobs().write(ref, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});

    assertThatThrownBy(() -> protos.read(ref, LiteralMap.getDefaultInstance()))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
              assertThat(e.getMessage()).contains(ref.toString());
            });
  }

  @Test
  void readingAMissingMessageIsNotFound() {
    DataReference ref = protos.blobs().baseContainer().resolve("missing");

    assertThatThrownBy(() -> protos.read(ref, LiteralMap.parser()))
        .isInstanceOfSatisfying(
            FlyteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void writeKeepsMetadata() {
    DataReference ref = protos.blobs().baseContainer().resolve("with-metadata");

    protos.write(
        ref, LiteralMap.getDefaultInstance(), WriteOptions.defaults().withMetadata("k", "v"));

    assertThat(protos.blobs().head(ref).orElseThrow().userMetadata()).containsEntry("k", "v");
  }
}
