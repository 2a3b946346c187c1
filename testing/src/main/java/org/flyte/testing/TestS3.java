package org.flyte.testing;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * The S3 server of this test JVM: one in-process s3proxy over an in-memory ("transient") blob
 * store, started on a random loopback port on first use and stopped at exit. Tests isolate
 * themselves with fresh buckets or keys. We build the proxy ourselves rather than use s3proxy's
 * JUnit extension, which fails its clean-up in tests that never create a bucket.
 */
public final class TestS3 {

  public static final String ACCESS_KEY = "flyte-access";
  public static final String SECRET_KEY = "flyte-secret";

  private static URI endpoint;

  private TestS3() {}

  /** The server's endpoint, e.g. {@code http://127.0.0.1:45678}. */
  public static synchronized URI endpoint() {
    if (endpoint == null) {
      endpoint = start();
    }
    return endpoint;
  }

  /**
   * {@code flyte.storage.*} properties (Flyte's {@code minio}-style keys) for bucket {@code
   * container} on this server.
   */
  public static String[] storageProperties(String container) {
    return new String[] {
      "flyte.storage.type=minio",
      "flyte.storage.container=" + container,
      "flyte.storage.connection.endpoint=" + endpoint(),
      "flyte.storage.connection.auth-type=accesskey",
      "flyte.storage.connection.access-key=" + ACCESS_KEY,
      "flyte.storage.connection.secret-key=" + SECRET_KEY,
      "flyte.storage.connection.disable-ssl=true"
    };
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
