package org.flyte.admin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flyte.admin.FlyteAdminApplication;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.flyte.testidp.TestIdentityProvider;
import org.flyte.testidp.TestKeys;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser login against a real OpenID Connect provider ({@link TestIdentityProvider}), driven
 * by an HTTP client with a cookie jar: the login cookies are accepted by the REST gateway; with
 * them, the built-in server's authorization endpoint issues a code without another login, which
 * flytectl's client (public, PKCE) redeems for an access token accepted over gRPC.
 */
@SpringBootTest(
    classes = FlyteAdminApplication.class,
    webEnvironment = WebEnvironment.DEFINED_PORT,
    useMainMethod = UseMainMethod.ALWAYS)
class BrowserLoginTest {

  static final TestIdentityProvider IDP = TestIdentityProvider.start();
  static final int PORT = freePort();
  static final String PUBLIC = "http://localhost:" + PORT;
  static final Path SECRETS = TestKeys.secretsDir(TestKeys.newKey("self"), true);
  private static final String DATABASE = TestPostgres.newDatabaseName();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry, DATABASE);
    registry.add("server.port", () -> PORT);
    registry.add("flyte.server.grpc.port", () -> "0");
    registry.add("spring.grpc.server.port", () -> "0");
    registry.add("flyte.storage.type", () -> "mem");
    registry.add("flyte.flyteadmin.warmup.enabled", () -> "false");
    registry.add("flyte.storage.container", () -> "flyte");
    registry.add("flyte.server.security.useAuth", () -> "true");
    registry.add("flyte.server.security.insecureCookieHeader", () -> "true");
    registry.add("flyte.secrets.secrets-prefix", SECRETS::toString);
    registry.add("flyte.auth.authorizedUris[0]", () -> PUBLIC);
    registry.add("flyte.auth.userAuth.openId.baseUrl", IDP::issuer);
    registry.add("flyte.auth.userAuth.openId.clientId", () -> TestIdentityProvider.CLIENT_ID);
  }

  @AfterAll
  static void stopProvider() {
    IDP.close();
  }

  @Autowired Environment environment;

  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  final HttpClient noRedirects =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postForm(HttpClient client, String url, String form) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** /login through the provider's form back to {@code redirect}; the jar then holds the login. */
  HttpResponse<String> logIn(String redirect) throws Exception {
    HttpResponse<String> form = get(browser, PUBLIC + "/login?redirect_url=" + enc(redirect));
    assertThat(form.uri().toString()).isEqualTo(IDP.issuer() + "/login");
    return postForm(
        browser,
        IDP.issuer() + "/login",
        "username=" + TestIdentityProvider.USER + "&password=" + TestIdentityProvider.PASSWORD);
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void theLoginCookiesAreAcceptedByTheRestGateway() throws Exception {
    HttpResponse<String> me = logIn("/me");
    assertThat(me.uri().toString()).isEqualTo(PUBLIC + "/me");
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(me.headers().firstValue("X-User-Subject")).hasValue(TestIdentityProvider.USER);
    assertThat(cookies.getCookieStore().getCookies())
        .extracting(c -> c.getName())
        .contains("flyte_idt", "flyte_at_1", "flyte_at_2", "flyte_user_info", "flyte_csrf_state");
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().startsWith("flyte_"))
        .forEach(c -> assertThat(c.getValue().length()).as(c.getName()).isLessThan(4000));
    assertThat(get(browser, PUBLIC + "/api/v1/projects").statusCode()).isEqualTo(200);

    HttpResponse<String> logout = get(noRedirects, PUBLIC + "/logout");
    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(get(browser, PUBLIC + "/api/v1/projects").statusCode()).isEqualTo(401);
  }

  @Test
  void theAuthorizationCodeWithPkceIsIssuedToALoggedInUserAndRedeemed() throws Exception {
    logIn("/me");
    String verifier = "verifier-" + "x".repeat(50);
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String redirect = "http://localhost:53593/callback";
    HttpResponse<String> authorize =
        get(
            noRedirects,
            PUBLIC
                + "/oauth2/authorize?client_id=flytectl&response_type=code&scope="
                + enc("all offline")
                + "&redirect_uri="
                + enc(redirect)
                + "&state=s1&code_challenge="
                + challenge
                + "&code_challenge_method=S256");
    assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
    URI callback = URI.create(authorize.headers().firstValue("Location").orElseThrow());
    assertThat(callback.toString()).startsWith(redirect + "?code=");
    assertThat(callback.getQuery()).contains("state=s1");
    String code = callback.getQuery().replaceAll(".*code=([^&]*).*", "$1");

    String form =
        "grant_type=authorization_code&client_id=flytectl&code="
            + code
            + "&redirect_uri="
            + enc(redirect)
            + "&code_verifier="
            + verifier;
    HttpResponse<String> token = postForm(noRedirects, PUBLIC + "/oauth2/token", form);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    Map<String, Object> json = JSONObjectUtils.parse(token.body());
    String accessToken = (String) json.get("access_token");
    var claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(TestIdentityProvider.USER);
    assertThat(claims.getStringClaim("client_id")).isEqualTo("flytectl");
    assertThat(claims.getStringListClaim("scp")).containsExactlyInAnyOrder("all", "offline");
    assertThat(claims.getAudience()).containsExactly(PUBLIC);

    ManagedChannel channel =
        Grpc.newChannelBuilder(
                "localhost:" + environment.getProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY),
                InsecureChannelCredentials.create())
            .build();
    try {
      Metadata headers = new Metadata();
      headers.put(
          Metadata.Key.of("flyte-authorization", Metadata.ASCII_STRING_MARSHALLER),
          "Bearer " + accessToken);
      assertThat(
              AdminServiceGrpc.newBlockingStub(channel)
                  .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                  .listProjects(ProjectListRequest.getDefaultInstance()))
          .isNotNull();
    } finally {
      channel.shutdownNow();
    }

    HttpResponse<String> again = postForm(noRedirects, PUBLIC + "/oauth2/token", form);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("invalid_grant");
    HttpResponse<String> wrongVerifier =
        postForm(noRedirects, PUBLIC + "/oauth2/token", form.replace(verifier, verifier + "y"));
    assertThat(wrongVerifier.statusCode()).isEqualTo(400);
  }

  @Test
  void anAuthorizationRequestWithoutALoginGoesThroughLogin() throws Exception {
    HttpClient stranger =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String query =
        "client_id=flytectl&response_type=code&scope=all&redirect_uri="
            + enc("http://localhost:53593/callback")
            + "&state=s2&code_challenge=abc&code_challenge_method=S256";
    HttpResponse<String> authorize = get(stranger, PUBLIC + "/oauth2/authorize?" + query);
    assertThat(authorize.statusCode()).isEqualTo(307);
    assertThat(authorize.headers().firstValue("Location"))
        .hasValue("/login?redirect_url=" + enc("/oauth2/authorize?" + query));
  }

  @Test
  void theOpenIdConfigurationRedirectsToTheProvider() throws Exception {
    HttpResponse<String> response = get(browser, PUBLIC + "/.well-known/openid-configuration");
    assertThat(response.uri().toString())
        .isEqualTo(IDP.issuer() + "/.well-known/openid-configuration");
    assertThat(JSONObjectUtils.parse(response.body())).containsEntry("issuer", IDP.issuer());
    HttpResponse<String> unauthorizedRedirect =
        get(noRedirects, PUBLIC + "/login?redirect_url=" + enc("https://evil.example.com/"));
    assertThat(unauthorizedRedirect.statusCode()).isEqualTo(403);
    assertThat(List.of(unauthorizedRedirect.body())).isNotEmpty();
  }
}
