package org.flyte.common.storage.s3;

import java.net.URI;
import java.util.Map;
import org.flyte.common.storage.StowConfig;
import org.flyte.testing.TestS3;

/** The JVM's s3proxy ({@link TestS3}) as the S3 tests of this package use it. */
final class S3ProxyFixture {

  static final String ACCESS_KEY = TestS3.ACCESS_KEY;
  static final String SECRET_KEY = TestS3.SECRET_KEY;

  private S3ProxyFixture() {}

  /** The proxy's endpoint, e.g. {@code http://127.0.0.1:45678}. */
  static URI endpoint() {
    return TestS3.endpoint();
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
}
