package org.flyte.admin.service.dataproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flyte.admin.config.DataProxyProperties;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.flyte.common.storage.local.LocalBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** URLs signed for the local-disk store, checked as {@code SignedUrlController} checks them. */
class LocalUrlSignerTest {

  @TempDir Path root;

  private static final String MD5 = "1B2M2Y8AsgTpgAmY7PhCfg==";

  private LocalUrlSigner signer(String key, URI baseUrl) {
    LocalBlobStore store = new LocalBlobStore(root, BlobStoreSettings.of("flyte"));
    DataProxyProperties properties =
        new DataProxyProperties(
            new DataProxyProperties.Upload(Duration.ofHours(1), 20, "", DataSize.ofGigabytes(1)),
            new DataProxyProperties.Download(Duration.ofHours(1)),
            new DataProxyProperties.Local(key, baseUrl));
    return new LocalUrlSigner(
        store, properties, new MockEnvironment().withProperty("local.server.port", "18088"));
  }

  /** What the controller hands to {@link LocalUrlSigner#verify}. */
  private static LocalUrlSigner.Grant verify(
      LocalUrlSigner signer, String method, SignedUrl url, Instant now) {
    String path = url.url().getRawPath();
    Map<String, String> query = new HashMap<>();
    for (String pair : url.url().getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      query.put(
          pair.substring(0, equals),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return signer.verify(
        method,
        path.substring(LocalUrlSigner.PATH.length()),
        query.get("expires"),
        query.get("md5"),
        query.get("md5meta"),
        query.get("signature"),
        now);
  }

  @Test
  void aSignedPutNamesTheObjectOnTheAdminServerAndVerifiesBack() {
    LocalUrlSigner signer = signer(null, null);
    DataReference object = DataReference.parse("file://flyte/p/d/ABC%3D%3D/file name.tgz");
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    SignedUrl url =
        signer.sign(object, SignedUrlRequest.put(Duration.ofMinutes(5), MD5, true), now);

    assertThat(url.url().toString())
        .startsWith("http://localhost:18088/storage/v1/flyte/p/d/ABC==/file%20name.tgz?expires=");
    assertThat(url.headers()).isEqualTo(Map.of("Content-MD5", MD5));
    assertThat(url.expiresAt()).isEqualTo(now.plusSeconds(300));
    LocalUrlSigner.Grant grant = verify(signer, "PUT", url, now.plusSeconds(299));
    assertThat(grant.reference()).isEqualTo(object);
    assertThat(grant.contentMd5()).isEqualTo(MD5);
    assertThat(grant.addContentMd5Metadata()).isTrue();

    assertThatThrownBy(() -> verify(signer, "PUT", url, now.plusSeconds(301)))
        .isInstanceOfSatisfying(
            FlyteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
    assertThatThrownBy(() -> verify(signer, "GET", url, now))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> assertThat(e.getMessage()).isEqualTo("the signature does not match the request"));
  }

  @Test
  void aConfiguredKeySurvivesARestartAndARandomOneDoesNot() {
    DataReference object = DataReference.parse("file://flyte/a/b");
    SignedUrl url =
        signer("a shared secret of enough length!", URI.create("https://admin.example/"))
            .sign(object, SignedUrlRequest.get(Duration.ofMinutes(5)));

    assertThat(url.url().toString()).startsWith("https://admin.example/storage/v1/flyte/a/b?");
    assertThat(url.headers()).isEmpty();
    assertThat(
            verify(signer("a shared secret of enough length!", null), "GET", url, Instant.now())
                .reference())
        .isEqualTo(object);
    SignedUrl random = signer(null, null).sign(object, SignedUrlRequest.get(Duration.ofMinutes(5)));
    assertThatThrownBy(() -> verify(signer(null, null), "GET", random, Instant.now()))
        .isInstanceOf(FlyteException.class);
  }

  @Test
  void onlyObjectsOfTheStoresContainerAreSigned() {
    LocalUrlSigner signer = signer(null, null);
    assertThatThrownBy(
            () ->
                signer.sign(
                    DataReference.parse("s3://flyte/a"),
                    SignedUrlRequest.get(Duration.ofMinutes(1))))
        .isInstanceOfSatisfying(
            FlyteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(
            () ->
                signer.sign(
                    DataReference.parse("file://other/a"),
                    SignedUrlRequest.get(Duration.ofMinutes(1))))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION));
    assertThatThrownBy(
            () ->
                signer.sign(
                    DataReference.parse("file://flyte/a"), SignedUrlRequest.get(Duration.ZERO)))
        .isInstanceOfSatisfying(
            FlyteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
