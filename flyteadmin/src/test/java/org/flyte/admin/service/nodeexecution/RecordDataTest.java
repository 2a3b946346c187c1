package org.flyte.admin.service.nodeexecution;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flyte.admin.config.DataProxyProperties;
import org.flyte.admin.config.RemoteDataProperties;
import org.flyte.admin.config.RemoteDataProperties.InlineEventDataPolicy;
import org.flyte.admin.config.RemoteDataProperties.SignedUrls;
import org.flyte.admin.service.dataproxy.LocalUrlSigner;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.BlobStoreFactory;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.StorageProperties;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.testing.TestS3;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * What the Get*Data RPCs answer for one side of a record, with and without {@code
 * remoteData.signedUrls.enabled} (Flyte's {@code util/data.go}).
 */
class RecordDataTest {

  private static final LiteralMap SMALL = map("x", 42);

  @Test
  void withoutSignedUrlsTheBlobsAreEmptyAndTheMapsRead() {
    ProtoStore store = new ProtoStore(new InMemoryBlobStore(BlobStoreSettings.of("flyte")));
    DataReference inputs = store.blobs().baseContainer().resolve("e/inputs.pb");
    store.write(inputs, SMALL);
    RecordData data = data(store, false, DataSize.ofMegabytes(2));

    RecordData.Answer in = data.inputs(inputs.toString());
    assertThat(in.blob().getUrl()).isEmpty();
    assertThat(in.full()).isEqualTo(SMALL);
    RecordData.Answer out = data.outputs(null, inputs.toString());
    assertThat(out.blob().getBytes()).isZero();
    assertThat(out.full()).isEqualTo(SMALL);
    assertThat(data.outputs(null, store.blobs().baseContainer() + "/missing.pb").full())
        .as("an object that cannot be read")
        .isEqualTo(LiteralMap.getDefaultInstance());
    assertThat(data.inputs("").full()).isEqualTo(LiteralMap.getDefaultInstance());
  }

  @Test
  void signedUrlsOfAStoreThatCannotSignAreAdminsOwnAndCarryTheSize() {
    ProtoStore store = new ProtoStore(new InMemoryBlobStore(BlobStoreSettings.of("flyte")));
    DataReference outputs = store.blobs().baseContainer().resolve("n/outputs.pb");
    store.write(outputs, SMALL);
    RecordData data = data(store, true, DataSize.ofMegabytes(2));

    RecordData.Answer out = data.outputs(null, outputs.toString());
    assertThat(out.blob().getUrl()).contains(LocalUrlSigner.PATH);
    assertThat(out.blob().getBytes()).isEqualTo(SMALL.getSerializedSize());
    assertThat(out.full()).isEqualTo(SMALL);

    RecordData.Answer inline = data.outputs(SMALL, outputs.toString());
    assertThat(inline.full()).isEqualTo(SMALL);
    assertThat(inline.blob().getUrl())
        .as("the URI is signed also next to inline data")
        .isNotEmpty();
  }

  @Test
  void aSignedUrlOfTheS3StoreReturnsTheObjectAndALargeObjectIsNotRead() throws Exception {
    Map<String, String> properties = new HashMap<>();
    for (String property : TestS3.storageProperties("rd-" + UUID.randomUUID())) {
      int equals = property.indexOf('=');
      properties.put(property.substring(0, equals), property.substring(equals + 1));
    }
    try (BlobStore blobs =
        BlobStoreFactory.create(
            new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("flyte.storage", StorageProperties.class))) {
      ProtoStore store = new ProtoStore(blobs);
      DataReference inputs = blobs.baseContainer().resolve("t/inputs.pb");
      store.write(inputs, SMALL);
      RecordData data = data(store, true, DataSize.ofBytes(SMALL.getSerializedSize()));

      RecordData.Answer in = data.inputs(inputs.toString());
      assertThat(in.blob().getBytes()).isEqualTo(SMALL.getSerializedSize());
      assertThat(in.full())
          .as("an object of at least maxSizeInBytes is left to its URL")
          .isEqualTo(LiteralMap.getDefaultInstance());
      HttpResponse<byte[]> fetched =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(in.blob().getUrl())).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(LiteralMap.parseFrom(fetched.body())).isEqualTo(SMALL);
    }
  }

  private static RecordData data(ProtoStore store, boolean signed, DataSize maxSize) {
    DataProxyProperties proxy =
        new DataProxyProperties(
            new DataProxyProperties.Upload(Duration.ofHours(1), 20, "", DataSize.ofGigabytes(1)),
            new DataProxyProperties.Download(Duration.ofHours(1)),
            new DataProxyProperties.Local("key", null));
    return new RecordData(
        store,
        new LocalUrlSigner(store.blobs(), proxy, new MockEnvironment()),
        new RemoteDataProperties(
            maxSize, new SignedUrls(signed, 3), InlineEventDataPolicy.OFFLOAD));
  }

  private static LiteralMap map(String name, long value) {
    return LiteralMap.newBuilder()
        .putLiterals(
            name,
            Literal.newBuilder()
                .setScalar(
                    Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
                .build())
        .build();
  }
}
