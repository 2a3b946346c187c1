package org.flyte.admin.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flyte.common.config.FlyteServerProperties;
import org.flyte.testidp.TestKeys;
import org.flyte.testing.TempPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Import;

/** Each misconfiguration of authentication stops the start with a message naming key and URL. */
class AuthStartupTest {

  /** Registered by the runner only: a @Configuration here would be component-scanned. */
  @EnableConfigurationProperties({
    FlyteServerProperties.class,
    AuthProperties.class,
    SecretsProperties.class
  })
  @Import(AuthConfiguration.class)
  static class Wiring {}

  private final List<HttpServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(server -> server.stop(0));
  }

  /** A local server answering {@code path} with {@code status} and {@code body}. */
  private String serve(String path, int status, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        path,
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    servers.add(server);
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static WebApplicationContextRunner runner(Path secrets, String... properties) {
    List<String> all = new ArrayList<>(List.of(properties));
    all.add("flyte.server.security.use-auth=true");
    all.add("flyte.secrets.secrets-prefix=" + secrets);
    return new WebApplicationContextRunner()
        .withUserConfiguration(Wiring.class)
        .withPropertyValues(all.toArray(String[]::new));
  }

  private static void assertFailure(WebApplicationContextRunner runner, String... fragments) {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          StringBuilder messages = new StringBuilder();
          for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
          }
          assertThat(messages.toString()).contains(fragments);
        });
  }

  private static Path selfSecrets() {
    return TestKeys.secretsDir(TestKeys.newKey("k"), true);
  }

  @Test
  void aMissingSecretNamesTheKeyAndTheFile() throws IOException {
    Path empty = TempPaths.directory("no-secrets");
    assertFailure(
        runner(empty),
        "auth.appAuth.selfAuthServer.tokenSigningRSAKeySecretName",
        empty.resolve("token_rsa_key.pem").toString(),
        "FLYTE_SECRET_token_rsa_key.pem");
  }

  @Test
  void aMalformedKeyIsNamed() throws IOException {
    Path secrets = selfSecrets();
    Files.writeString(secrets.resolve("claim_symmetric_key"), "c2hvcnQ");
    assertFailure(
        runner(secrets),
        "claim_symmetric_key",
        "auth.appAuth.selfAuthServer.claimSymmetricEncryptionKeySecretName",
        "must hold 32");
  }

  @Test
  void anUnreachableDiscoveryUrlIsNamed() {
    assertFailure(
        runner(selfSecrets(), "flyte.auth.user-auth.open-id.base-url=http://127.0.0.1:9/realms/x"),
        "auth.userAuth.openId.baseUrl",
        "http://127.0.0.1:9/realms/x/.well-known/openid-configuration",
        "unreachable");
  }

  @Test
  void aWrongDiscoveryUrlIsNamedWithItsAnswer() throws IOException {
    String base = serve("/", 404, "{\"error\":\"not found\"}");
    assertFailure(
        runner(selfSecrets(), "flyte.auth.user-auth.open-id.base-url=" + base + "/tenant"),
        base + "/tenant/.well-known/openid-configuration answered HTTP 404");
  }

  @Test
  void anIssuerMismatchSaysWhichIssuerToConfigure() throws IOException {
    String base =
        serve(
            "/.well-known/openid-configuration",
            200,
            "{\"issuer\":\"https://login.example.com/tenant/v2.0\",\"authorization_endpoint\":\"x\","
                + "\"token_endpoint\":\"y\",\"jwks_uri\":\"http://127.0.0.1:9/keys\"}");
    assertFailure(
        runner(selfSecrets(), "flyte.auth.user-auth.open-id.base-url=" + base),
        "reports the issuer https://login.example.com/tenant/v2.0",
        "auth.userAuth.openId.issuerUrl");
  }

  @Test
  void anUnreachableExternalServerIsNamed() throws IOException {
    assertFailure(
        runner(
            TempPaths.directory("external"),
            "flyte.auth.app-auth.auth-server-type=External",
            "flyte.auth.app-auth.external-auth-server.base-url=http://127.0.0.1:9/oauth2/default"),
        "auth.appAuth.externalAuthServer.baseUrl",
        "http://127.0.0.1:9/oauth2/default/.well-known/oauth-authorization-server");
  }

  @Test
  void aRedirectUrlThatCannotWorkIsNamed() {
    assertFailure(
        runner(
            selfSecrets(),
            "flyte.auth.authorized-uris[0]=https://flyte.example.com",
            "flyte.auth.user-auth.redirect-url=https://elsewhere.example.com/console"),
        "auth.userAuth.redirectUrl https://elsewhere.example.com/console cannot work");
    assertFailure(
        runner(selfSecrets(), "flyte.auth.authorized-uris[0]=flyte.example.com"),
        "auth.authorizedUris[0] flyte.example.com is not an absolute http(s) URL");
  }

  @Test
  void anInvalidStaticClientIsNamed() {
    assertFailure(
        runner(
            selfSecrets(),
            "flyte.auth.app-auth.self-auth-server.static-clients.robot.grant_types[0]=password",
            "flyte.auth.app-auth.self-auth-server.static-clients.robot.client_secret=x"),
        "auth.appAuth.selfAuthServer.staticClients.robot");
  }

  @Test
  void aCompleteConfigurationStarts() {
    runner(selfSecrets()).run(context -> assertThat(context).hasNotFailed());
  }
}
