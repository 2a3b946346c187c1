package org.flyte.admin.service.dataproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import flyteidl.service.Dataproxy.CreateDownloadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flyte.admin.config.DataProxyProperties;
import org.flyte.admin.repository.execution.NodeExecutionLookupRepository;
import org.flyte.admin.service.project.ProjectDomainValidator;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.BlobStoreFactory;
import org.flyte.common.storage.ContentDigests;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.StorageProperties;
import org.flyte.testing.TestS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * DataProxyService on an S3 store (s3proxy): the URL and headers of CreateUploadLocation work with
 * a plain HTTP client, as flytekit uses them, and CreateDownloadLocation's URL returns the bytes.
 */
@SuppressWarnings("deprecation")
class DataProxyServiceS3Test {

  private final HttpClient http = HttpClient.newHttpClient();
  private BlobStore store;
  private DataProxyService dataProxy;

  @BeforeEach
  void setUp() {
    Map<String, String> properties = new HashMap<>();
    for (String property : TestS3.storageProperties("dp-" + UUID.randomUUID())) {
      int equals = property.indexOf('=');
      properties.put(property.substring(0, equals), property.substring(equals + 1));
    }
    store =
        BlobStoreFactory.create(
            new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("flyte.storage", StorageProperties.class));
    DataProxyProperties config =
        new DataProxyProperties(
            new DataProxyProperties.Upload(
                Duration.ofHours(1), 20, "uploads", DataSize.ofGigabytes(1)),
            new DataProxyProperties.Download(Duration.ofHours(1)),
            new DataProxyProperties.Local(null, null));
    dataProxy =
        new DataProxyService(
            store,
            config,
            new LocalUrlSigner(store, config, new MockEnvironment()),
            // the project check reads the database, which this storage test has none of
            new ProjectDomainValidator(null, null) {
              @Override
              public void requireExists(String project, String domain) {}
            },
            // no node executions here: this test signs uploads
            new NodeExecutionLookupRepository(null));
    // the bucket exists once something is written
    store.write(store.baseContainer().resolve("marker"), new byte[] {1});
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void theSignedPutWithTheResponsesHeadersStoresTheBytesAndTheirMd5() throws Exception {
    byte[] data = "package bytes".getBytes(StandardCharsets.UTF_8);
    String base64Md5 = ContentDigests.base64Md5(data);
    CreateUploadLocationRequest request =
        CreateUploadLocationRequest.newBuilder()
            .setProject("flytesnacks")
            .setDomain("development")
            .setFilenameRoot("fast")
            .setFilename("pkg.tar.gz")
            .setContentMd5(ByteString.copyFrom(Base64.getDecoder().decode(base64Md5)))
            .setAddContentMd5Metadata(true)
            .build();

    CreateUploadLocationResponse location = dataProxy.createUploadLocation(request);

    assertThat(location.getNativeUrl())
        .isEqualTo(store.baseContainer() + "/uploads/flytesnacks/development/fast/pkg.tar.gz");
    assertThat(location.getSignedUrl())
        .startsWith(TestS3.endpoint().toString())
        .contains("X-Amz-Signature=");
    assertThat(location.getHeadersMap()).containsEntry("Content-MD5", base64Md5);
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(location.getSignedUrl()))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(data));
    Set<String> restricted = Set.of("content-length", "host");
    location
        .getHeadersMap()
        .forEach(
            (name, value) -> {
              if (!restricted.contains(name.toLowerCase())) {
                put.header(name, value);
              }
            });
    HttpResponse<String> response = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    DataReference stored = DataReference.parse(location.getNativeUrl());
    assertThat(store.read(stored)).isEqualTo(data);
    assertThat(store.head(stored).orElseThrow().contentMd5()).hasValue(base64Md5);

    // the deterministic path now exists: the same MD5 may rewrite it, another may not
    assertThat(dataProxy.createUploadLocation(request).getNativeUrl())
        .isEqualTo(location.getNativeUrl());
    assertThatThrownBy(
            () ->
                dataProxy.createUploadLocation(
                    request.toBuilder()
                        .setContentMd5(
                            ByteString.copyFrom(
                                Base64.getDecoder().decode(ContentDigests.base64Md5(new byte[0]))))
                        .build()))
        .isInstanceOfSatisfying(
            FlyteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));

    String download =
        dataProxy
            .createDownloadLocation(
                CreateDownloadLocationRequest.newBuilder()
                    .setNativeUrl(location.getNativeUrl())
                    .build())
            .getSignedUrl();
    HttpResponse<byte[]> fetched =
        http.send(
            HttpRequest.newBuilder(URI.create(download)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(data);
  }
}
