package org.flyte.admin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.Auth.PublicClientAuthConfigRequest;
import flyteidl.service.AuthMetadataServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.Dataproxy.CreateDownloadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import flyteidl.service.Identity.UserInfoRequest;
import flyteidl.service.IdentityServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flyte.common.auth.client.AdminAuthProperties;
import org.flyte.common.auth.client.AdminAuthentication;
import org.flyte.testidp.TestKeys;
import org.flyte.testing.FirstReply;
import org.flyte.testing.TempPaths;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * FlyteAdmin with auth on and its built-in authorization server: client credentials, token checks
 * with their reasons over gRPC and REST, the exemptions, and the metadata documents.
 */
class SelfAuthServerTest extends AuthAppTest {

  static final RSAKey SIGNING = TestKeys.newKey("ignored");
  static final Path SECRETS = TestKeys.secretsDir(SIGNING, false);
  static final String PROPELLER_HASH = new BCryptPasswordEncoder(6).encode("foobar");
  static final String AUDIENCE = "http://localhost";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    authProperties(registry, SECRETS.toString());
    registry.add("flyte.auth.authorizedUris[0]", () -> AUDIENCE);
    registry.add(
        "flyte.auth.appAuth.selfAuthServer.staticClients.flytepropeller.client_secret",
        () -> PROPELLER_HASH);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(http(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> token(String basic, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http("/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String clientCredentials(String scope) throws Exception {
    HttpResponse<String> response =
        token("flytepropeller:foobar", "grant_type=client_credentials&scope=" + scope);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (String) JSONObjectUtils.parse(response.body()).get("access_token");
  }

  AdminServiceGrpc.AdminServiceBlockingStub admin(String key, String value) {
    return AdminServiceGrpc.newBlockingStub(channel).withInterceptors(header(key, value));
  }

  void assertRefused(String token, String reason) throws Exception {
    assertThatThrownBy(
            () ->
                admin("authorization", "Bearer " + token)
                    .listProjects(ProjectListRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription()).startsWith(reason);
            });
    HttpResponse<String> rest = get("/api/v1/projects", "Authorization", "Bearer " + token);
    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(rest.body()).containsPattern("\"code\":\\s*16").contains(reason);
  }

  JWTClaimsSet.Builder validClaims() {
    return new JWTClaimsSet.Builder()
        .audience(AUDIENCE)
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
        .claim("scp", List.of("all"))
        .claim("client_id", "tests");
  }

  @Test
  void clientCredentialsTokenIsIssuedShapedAsFlytesAndAccepted() throws Exception {
    String token = clientCredentials("all");
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getCustomParam("key_id"))
        .isEqualTo(SIGNING.computeThumbprint().toString());
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(AUDIENCE);
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(AUDIENCE);
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("scp")).containsExactly("all");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("flytepropeller");

    assertThat(
            admin("authorization", "Bearer " + token)
                .listProjects(ProjectListRequest.getDefaultInstance()))
        .isNotNull();
    assertThat(get("/api/v1/projects", "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theFlyteAuthorizationHeaderCarriesTokensOnBothTransports() throws Exception {
    String token = clientCredentials("all");
    assertThat(
            admin("flyte-authorization", "Bearer " + token)
                .getVersion(GetVersionRequest.getDefaultInstance()))
        .isNotNull();
    assertThat(get("/api/v1/version", "flyte-authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aWrongClientSecretGetsNoToken() throws Exception {
    HttpResponse<String> response =
        token("flytepropeller:wrong", "grant_type=client_credentials&scope=all");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("invalid_client");
  }

  @Test
  void refusalsNameTheirReasonOverGrpcAndRest() throws Exception {
    assertRefused(
        TestKeys.sign(SIGNING, validClaims().audience("https://elsewhere").build()),
        "wrong audience");
    assertRefused(
        TestKeys.sign(
            SIGNING,
            validClaims()
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build()),
        "token expired");
    assertRefused(
        TestKeys.sign(TestKeys.newKey("stranger"), validClaims().build()), "unknown signing key");
    assertRefused("not-a-jwt", "malformed token");
    assertRefused(clientCredentials("offline"), "missing scope");

    assertThatThrownBy(
            () -> admin(null, null).listProjects(ProjectListRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription()).startsWith("no token");
            });
    HttpResponse<String> rest = get("/api/v1/projects");
    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(rest.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("no token"));
  }

  @Test
  void aTokenOfTheSigningKeyIsAccepted() throws Exception {
    String token = TestKeys.sign(SIGNING, validClaims().build());
    assertThat(get("/api/v1/projects", "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);
  }

  @Test
  void exemptionsAnswerWithoutCredentials() throws Exception {
    assertThat(
            HealthGrpc.newBlockingStub(channel)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus())
        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    assertThat(
            AuthMetadataServiceGrpc.newBlockingStub(channel)
                .getPublicClientConfig(PublicClientAuthConfigRequest.getDefaultInstance())
                .getAuthorizationMetadataKey())
        .isEqualTo("flyte-authorization");
    for (String path :
        List.of(
            "/healthcheck",
            "/actuator/health",
            "/.well-known/oauth-authorization-server",
            "/config/v1/flyte_client",
            "/oauth2/jwks")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(200);
    }
    // GetVersion is an ordinary AdminService call, as in Flyte.
    assertThatThrownBy(() -> admin(null, null).getVersion(GetVersionRequest.getDefaultInstance()))
        .isInstanceOf(StatusRuntimeException.class);
    assertThat(get("/api/v1/version").statusCode()).isEqualTo(401);
  }

  @Test
  void reflectionMetricsAndSignedUrlsNeedNoToken() throws Exception {
    FirstReply<ServerReflectionResponse> answer = new FirstReply<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel).serverReflectionInfo(answer);
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
    requests.onCompleted();
    assertThat(answer.future().get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList())
        .extracting(ServiceResponse::getName)
        .contains(AdminServiceGrpc.SERVICE_NAME);
    HttpResponse<String> metrics = get("/actuator/prometheus");
    assertThat(metrics.statusCode()).as("Prometheus scrapes without a token").isEqualTo(200);
    assertThat(metrics.body()).contains("grpc_server_handled_total");

    // signing needs a token; the signed URLs themselves carry their authority
    String token = "Bearer " + clientCredentials("all");
    String project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("authorization", token)
        .registerProject(
            ProjectRegisterRequest.newBuilder()
                .setProject(Project.newBuilder().setId(project).setName(project))
                .build());
    DataProxyServiceGrpc.DataProxyServiceBlockingStub dataProxy =
        DataProxyServiceGrpc.newBlockingStub(channel)
            .withInterceptors(header("authorization", token));
    byte[] data = "signed, not authenticated".getBytes(StandardCharsets.UTF_8);
    CreateUploadLocationResponse upload =
        dataProxy.createUploadLocation(
            CreateUploadLocationRequest.newBuilder()
                .setProject(project)
                .setDomain("development")
                .setFilenameRoot("exempt")
                .setFilename("data.txt")
                .build());
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(upload.getSignedUrl()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    String download =
        dataProxy
            .createDownloadLocation(
                CreateDownloadLocationRequest.newBuilder()
                    .setNativeUrl(upload.getNativeUrl())
                    .build())
            .getSignedUrl();
    HttpResponse<byte[]> fetched =
        http.send(
            HttpRequest.newBuilder(URI.create(download)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(data);
  }

  @Test
  void metadataDocumentsHaveFlytesShape() throws Exception {
    Map<String, Object> metadata =
        JSONObjectUtils.parse(
            get("/.well-known/oauth-authorization-server", "Accept", "application/json").body());
    assertThat(metadata)
        .containsEntry("issuer", AUDIENCE)
        .containsEntry("authorization_endpoint", AUDIENCE + "/oauth2/authorize")
        .containsEntry("token_endpoint", AUDIENCE + "/oauth2/token")
        .containsEntry("jwks_uri", AUDIENCE + "/oauth2/jwks")
        .containsEntry("response_types_supported", List.of("code", "token", "code token"))
        .containsEntry("scopes_supported", List.of("all"))
        .containsEntry("token_endpoint_auth_methods_supported", List.of("client_secret_basic"))
        .containsEntry("code_challenge_methods_supported", List.of("S256"))
        .containsEntry(
            "grant_types_supported",
            List.of("client_credentials", "refresh_token", "authorization_code"))
        .containsEntry("device_authorization_endpoint", "");
    Map<String, Object> client =
        JSONObjectUtils.parse(get("/config/v1/flyte_client", "Accept", "application/json").body());
    assertThat(client)
        .containsEntry("client_id", "flytectl")
        .containsEntry("redirect_uri", "http://localhost:53593/callback")
        .containsEntry("scopes", List.of("all", "offline"))
        .containsEntry("authorization_metadata_key", "flyte-authorization")
        .containsEntry("service_http_endpoint", "")
        .containsEntry("audience", "");
    Map<String, Object> jwks = JSONObjectUtils.parse(get("/oauth2/jwks").body());
    assertThat((List<?>) jwks.get("keys")).hasSize(1);
    assertThat(((Map<?, ?>) ((List<?>) jwks.get("keys")).get(0)).get("kid"))
        .isEqualTo(SIGNING.computeThumbprint().toString());
  }

  @Test
  void userInfoAnswersTheCallersIdentity() throws Exception {
    String token = clientCredentials("all");
    assertThat(
            IdentityServiceGrpc.newBlockingStub(channel)
                .withInterceptors(header("authorization", "Bearer " + token))
                .userInfo(UserInfoRequest.getDefaultInstance())
                .getSubject())
        .isEqualTo("flytepropeller");
    HttpResponse<String> me = get("/me", "Authorization", "Bearer " + token);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.headers().firstValue("X-User-Subject")).hasValue("flytepropeller");
    assertThat(me.headers().firstValue("X-User-Claim-Client-Id")).hasValue("\"flytepropeller\"");
  }

  @Test
  void ourAdminClientAuthenticatesWithClientCredentials() throws Exception {
    Path secret = TempPaths.file("client_secret", "");
    Files.writeString(secret, "foobar\n");
    AdminAuthProperties defaults = AdminAuthProperties.defaults();
    AdminAuthProperties properties =
        new AdminAuthProperties(
            defaults.authType(),
            defaults.clientId(),
            secret,
            "",
            http("/oauth2/token").toString(),
            List.of(),
            "",
            false,
            "",
            1,
            defaults.perRetryTimeout());
    var client =
        AdminServiceGrpc.newBlockingStub(AdminAuthentication.authenticate(channel, properties));
    assertThat(client.listProjects(ProjectListRequest.getDefaultInstance())).isNotNull();
    assertThat(client.getVersion(GetVersionRequest.getDefaultInstance())).isNotNull();
  }
}
