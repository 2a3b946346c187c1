package org.flyte.admin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.Auth.OAuth2MetadataRequest;
import flyteidl.service.AuthMetadataServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.flyte.testidp.TestIdentityProvider;
import org.flyte.testidp.TestKeys;
import org.flyte.testing.TempPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * FlyteAdmin with an external authorization server, a real one ({@link TestIdentityProvider}): its
 * metadata is FlyteAdmin's, its tokens are checked against its published keys, with the refusal
 * reasons over gRPC and REST.
 */
class ExternalAuthServerTest extends AuthAppTest {

  static final TestIdentityProvider IDP = TestIdentityProvider.start();
  static final String AUDIENCE = "api://flyte";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    authProperties(registry, TempPaths.directory("external-secrets").toString());
    registry.add("flyte.auth.appAuth.authServerType", () -> "External");
    registry.add("flyte.auth.appAuth.externalAuthServer.baseUrl", IDP::issuer);
    registry.add("flyte.auth.appAuth.externalAuthServer.allowedAudience[0]", () -> AUDIENCE);
    registry.add(
        "flyte.auth.appAuth.externalAuthServer.allowedAudience[1]",
        () -> TestIdentityProvider.CLIENT_ID);
  }

  @AfterAll
  static void stopProvider() {
    IDP.close();
  }

  HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:" + environment.getProperty("local.server.port") + path))
            .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  void listProjects(String token) {
    AdminServiceGrpc.newBlockingStub(channel)
        .withInterceptors(header("authorization", "Bearer " + token))
        .listProjects(ProjectListRequest.getDefaultInstance());
  }

  void assertRefused(String token, String reason) throws Exception {
    assertThatThrownBy(() -> listProjects(token))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription()).startsWith(reason);
            });
    HttpResponse<String> rest = get("/api/v1/projects", "Bearer " + token);
    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(rest.body()).contains(reason);
  }

  JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(IDP.issuer())
        .subject("robot")
        .audience(AUDIENCE)
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
        .claim("scp", List.of("all"))
        .claim("client_id", "robot");
  }

  @Test
  void theProvidersTokensAreAcceptedAndRefusedWithReasons() throws Exception {
    listProjects(TestKeys.sign(IDP.key(), claims().build()));
    assertRefused(
        TestKeys.sign(IDP.key(), claims().audience("https://other").build()), "wrong audience");
    assertRefused(
        TestKeys.sign(
            IDP.key(),
            claims()
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .build()),
        "token expired");
    assertRefused(TestKeys.sign(TestKeys.newKey("rogue"), claims().build()), "unknown signing key");
    assertRefused(
        TestKeys.sign(IDP.key(), claims().claim("scp", List.of("read")).build()), "missing scope");
  }

  @Test
  void aClientCredentialsTokenOfTheProviderIsAccepted() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(IDP.issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (TestIdentityProvider.CLIENT_ID
                                        + ":"
                                        + TestIdentityProvider.CLIENT_SECRET)
                                    .getBytes(StandardCharsets.UTF_8)))
                .POST(
                    HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String token = (String) JSONObjectUtils.parse(response.body()).get("access_token");
    listProjects(token);
    assertThat(get("/api/v1/projects", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void theMetadataIsTheProvidersOwn() throws Exception {
    var metadata =
        AuthMetadataServiceGrpc.newBlockingStub(channel)
            .getOAuth2Metadata(OAuth2MetadataRequest.getDefaultInstance());
    assertThat(metadata.getIssuer()).isEqualTo(IDP.issuer());
    assertThat(metadata.getTokenEndpoint()).isEqualTo(IDP.issuer() + "/oauth2/token");
    assertThat(metadata.getJwksUri()).isEqualTo(IDP.issuer() + "/oauth2/jwks");
    Map<String, Object> rest =
        JSONObjectUtils.parse(get("/.well-known/oauth-authorization-server", null).body());
    Map<String, Object> provider =
        JSONObjectUtils.parse(
            http.send(
                    HttpRequest.newBuilder(
                            URI.create(IDP.issuer() + "/.well-known/oauth-authorization-server"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    for (String key :
        List.of(
            "issuer",
            "authorization_endpoint",
            "token_endpoint",
            "jwks_uri",
            "grant_types_supported")) {
      assertThat(rest.get(key)).as(key).isEqualTo(provider.get(key));
    }
  }
}
