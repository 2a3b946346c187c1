package org.flyte.common.storage.s3;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.flyte.common.storage.StowConfig;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * One in-process s3proxy (in-memory "transient" blob store) shared by every S3 test in the JVM,
 * started on a random port on first use. Tests isolate themselves with fresh buckets. We build the
 * proxy ourselves rather than use s3proxy's JUnit extension, which fails its clean-up in tests that
 * never create a bucket.
 */
final class S3ProxyFixture {

  static final String ACCESS_KEY = "flyte-access";
  static final String SECRET_KEY = "flyte-secret";

  private static URI endpoint;

  private S3ProxyFixture() {}

  /** The proxy's endpoint, e.g. {@code http://127.0.0.1:45678}. */
  static synchronized URI endpoint() {
    if (endpoint == null) {
      endpoint = start();
    }
    return endpoint;
  }

  /** A stow {@code s3} config for the proxy with static credentials. */
  static StowConfig stowConfig() {
    return new StowConfig(
        "s3",
        Map.of(
            "auth_type",
            "accesskey",
            "access_key_id",
            ACCESS_KEY,
            "secret_key",
            SECRET_KEY,
            "region",
            "us-east-1",
            "endpoint",
            endpoint().toString()));
  }

  private static URI start() {
    try {
      Properties properties = new Properties();
      properties.setProperty("jclouds.identity", ACCESS_KEY);
      properties.setProperty("jclouds.credential", SECRET_KEY);
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(BlobStores.create("transient", properties))
              .endpoint(URI.create("http://127.0.0.1:0"))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
              .build();
      proxy.start();
      while (!proxy.getState().equals("STARTED")) {
        Thread.sleep(10);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      proxy.stop();
                    } catch (Exception e) {
                      // the JVM is exiting
                    }
                  }));
      return URI.create("http://127.0.0.1:" + proxy.getPort());
    } catch (Exception e) {
      throw new IllegalStateException("cannot start s3proxy", e);
    }
  }
}
