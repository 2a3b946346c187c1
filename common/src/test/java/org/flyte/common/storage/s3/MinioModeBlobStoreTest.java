package org.flyte.common.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.BlobStoreContract;
import org.flyte.common.storage.BlobStoreFactory;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlClient;
import org.flyte.common.storage.SignedUrlRequest;
import org.flyte.common.storage.StorageTestProperties;
import org.junit.jupiter.api.Test;

/**
 * The contract in MinIO mode: the store comes from Flyte-style properties ({@code type: minio} with
 * the legacy {@code connection} block, path-style against an endpoint override) and signs URLs for
 * a public endpoint given by {@code signedUrl.stowConfigOverride} ({@code localhost} where the
 * server itself talks to {@code 127.0.0.1}).
 */
class MinioModeBlobStoreTest extends BlobStoreContract {

  @Override
  protected BlobStore newStore(BlobStoreSettings settings) {
    return BlobStoreFactory.create(StorageTestProperties.bind(properties(settings)));
  }

  @Override
  protected Signing signing() {
    return Signing.FETCHABLE;
  }

  private static Map<String, String> properties(BlobStoreSettings settings) {
    Map<String, String> p = new HashMap<>();
    p.put("flyte.storage.type", "minio");
    p.put("flyte.storage.container", settings.container());
    p.put("flyte.storage.enable-multicontainer", String.valueOf(settings.enableMulticontainer()));
    p.put("flyte.storage.limits.maxDownloadMBs", String.valueOf(settings.maxDownloadMbs()));
    p.put("flyte.storage.connection.endpoint", S3ProxyFixture.endpoint().toString());
    p.put("flyte.storage.connection.auth-type", "accesskey");
    p.put("flyte.storage.connection.access-key", S3ProxyFixture.ACCESS_KEY);
    p.put("flyte.storage.connection.secret-key", S3ProxyFixture.SECRET_KEY);
    p.put("flyte.storage.connection.disable-ssl", "true");
    p.put("flyte.storage.signedUrl.stowConfigOverride[endpoint]", publicEndpoint().toString());
    return p;
  }

  private static URI publicEndpoint() {
    return URI.create("http://localhost:" + S3ProxyFixture.endpoint().getPort());
  }

  @Test
  void signedUrlsNameThePublicEndpoint() throws Exception {
    BlobStore store = store();
    DataReference ref = store.baseContainer().resolve("data", "blob");
    store.write(ref, "public".getBytes(StandardCharsets.UTF_8));

    SignedUrl url = store.signedUrl(ref, SignedUrlRequest.get(Duration.ofMinutes(1)));

    assertThat(url.url().getHost()).isEqualTo("localhost");
    assertThat(url.url().getRawPath()).isEqualTo("/" + ref.container() + "/data/blob");
    assertThat(SignedUrlClient.send(url, "GET", new byte[0]).body())
        .isEqualTo("public".getBytes(StandardCharsets.UTF_8));
  }
}
