package org.flyte.admin.api.auth;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.flyte.admin.AdminAppTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The base of the tests that boot FlyteAdmin with auth on: {@link AdminAppTest}'s app and database,
 * plus each subclass's auth configuration (so each subclass is its own app context).
 */
abstract class AuthAppTest extends AdminAppTest {

  /** Auth on, with secrets read from {@code secrets}. */
  static void authProperties(DynamicPropertyRegistry registry, String secrets) {
    registry.add("flyte.server.security.useAuth", () -> "true");
    registry.add("flyte.secrets.secrets-prefix", () -> secrets);
  }

  /** An interceptor that sends {@code key: value} (nothing when {@code key} is null). */
  protected static ClientInterceptor header(String key, String value) {
    Metadata headers = new Metadata();
    if (key != null) {
      headers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
    }
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }
}
