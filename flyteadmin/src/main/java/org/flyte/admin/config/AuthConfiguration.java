package org.flyte.admin.config;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import flyteidl.service.AuthMetadataServiceGrpc;
import flyteidl.service.Identity.UserInfoResponse;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flyte.admin.api.auth.AuthMetadataGrpcService;
import org.flyte.admin.api.auth.IdentityGrpcService;
import org.flyte.admin.api.auth.LoginEndpoints;
import org.flyte.admin.api.auth.RequestHost;
import org.flyte.admin.service.auth.AuthSecrets;
import org.flyte.admin.service.auth.BrowserLogin;
import org.flyte.admin.service.auth.HttpJson;
import org.flyte.admin.service.auth.LoginCookies;
import org.flyte.admin.service.auth.OAuth2MetadataService;
import org.flyte.admin.service.auth.OpenIdProvider;
import org.flyte.admin.service.auth.PublicUrls;
import org.flyte.admin.service.auth.SecureCookieCodec;
import org.flyte.admin.service.auth.SigningKeys;
import org.flyte.admin.service.auth.TokenAuthenticator;
import org.flyte.common.auth.JwtVerifier;
import org.flyte.common.config.FlyteServerProperties;
import org.flyte.common.grpc.AuthenticationInterceptor;
import org.flyte.common.grpc.GrpcInterceptorOrder;
import org.flyte.common.rest.RestGatewayCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * FlyteAdmin's authentication, wired only with {@code server.security.useAuth: true}; without it
 * none of these beans exist and calls pay nothing. Everything that can be checked is checked here,
 * at start-up: secrets, the OpenID provider's discovery, the external server's metadata, the
 * signing keys, the static clients. Each problem stops the start with one message naming the key
 * and, where one was tried, the URL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "flyte.server.security.use-auth")
@Import(SelfAuthServerConfiguration.class)
public class AuthConfiguration {

  @Bean
  AuthSecrets authSecrets(SecretsProperties secrets) {
    return new AuthSecrets(secrets, System::getenv);
  }

  @Bean
  PublicUrls publicUrls(AuthProperties auth) {
    for (int i = 0; i < auth.authorizedUris().size(); i++) {
      URI uri = auth.authorizedUris().get(i);
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalStateException(
            "auth.authorizedUris["
                + i
                + "] "
                + uri
                + " is not an absolute http(s) URL with a host");
      }
    }
    PublicUrls urls = new PublicUrls(auth.authorizedUris());
    String redirect = auth.userAuth().redirectUrl();
    if (!urls.redirectAllowed(redirect)) {
      throw new IllegalStateException(
          "auth.userAuth.redirectUrl "
              + redirect
              + " cannot work: an absolute URL must be under one of auth.authorizedUris "
              + auth.authorizedUris());
    }
    return urls;
  }

  @Bean
  OAuth2MetadataService oauth2MetadataService(AuthProperties auth, PublicUrls publicUrls) {
    String proxy =
        auth.appAuth().externalAuthServer().httpProxyURL().isEmpty()
            ? auth.httpProxyURL()
            : auth.appAuth().externalAuthServer().httpProxyURL();
    return new OAuth2MetadataService(auth, publicUrls, HttpJson.withProxy(proxy));
  }

  @Bean
  BrowserLogin browserLogin(
      AuthProperties auth, AuthSecrets secrets, FlyteServerProperties server) {
    AuthProperties.UserAuth user = auth.userAuth();
    if (user.openId().baseUrl().isEmpty()) {
      return BrowserLogin.off();
    }
    String clientSecret;
    if (!user.openId().clientSecretFile().isEmpty()) {
      try {
        clientSecret =
            java.nio.file.Files.readString(java.nio.file.Path.of(user.openId().clientSecretFile()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(
            "auth.userAuth.openId.clientSecretFile "
                + user.openId().clientSecretFile()
                + " cannot be read: "
                + e.getMessage(),
            e);
      }
    } else {
      clientSecret =
          secrets.require(
              "auth.userAuth.openId.clientSecretName", user.openId().clientSecretName());
    }
    if (clientSecret.endsWith("\n")) {
      clientSecret = clientSecret.substring(0, clientSecret.length() - 1);
    }
    byte[] hashKey =
        secrets.requireKey(
            "auth.userAuth.cookieHashKeySecretName", user.cookieHashKeySecretName(), 64);
    byte[] blockKey =
        secrets.requireKey(
            "auth.userAuth.cookieBlockKeySecretName", user.cookieBlockKeySecretName(), 32);
    LoginCookies cookies =
        new LoginCookies(
            new SecureCookieCodec(hashKey, blockKey, Clock.systemUTC()),
            user.cookieSetting().domain(),
            user.cookieSetting().sameSitePolicy(),
            !server.security().insecureCookieHeader());
    String proxy = user.httpProxyURL().isEmpty() ? auth.httpProxyURL() : user.httpProxyURL();
    OpenIdProvider provider =
        OpenIdProvider.discover(
            user.openId(), clientSecret, HttpJson.withProxy(proxy), Clock.systemUTC());
    return new BrowserLogin(provider, cookies);
  }

  /** The keys access tokens are checked with: the built-in server's, or the external server's. */
  @Bean
  AccessTokenKeys accessTokenKeys(
      AuthProperties auth, AuthSecrets secrets, OAuth2MetadataService metadata) {
    if (auth.appAuth().authServerType() == AuthProperties.AuthServerType.Self) {
      SigningKeys keys = signingKeys(auth.appAuth().selfAuthServer(), secrets);
      List<String> extra = new ArrayList<>();
      extra.add(auth.appAuth().selfAuthServer().issuer());
      return new AccessTokenKeys(new ImmutableJWKSet<>(keys.publicSet()), true, extra, keys);
    }
    String jwksUri = metadata.fetchExternalAtStartup().getJwksUri();
    if (jwksUri.isEmpty()) {
      throw new IllegalStateException(
          "The external authorization server's metadata has no jwks_uri (auth.appAuth.externalAuthServer)");
    }
    JWKSource<SecurityContext> remote;
    try {
      remote = JWKSourceBuilder.create(URI.create(jwksUri).toURL()).retrying(true).build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The external authorization server's jwks_uri " + jwksUri + " is not a URL", e);
    }
    return new AccessTokenKeys(
        remote, false, auth.appAuth().externalAuthServer().allowedAudience(), null);
  }

  static SigningKeys signingKeys(AuthProperties.SelfAuthServer server, AuthSecrets secrets) {
    String key = "auth.appAuth.selfAuthServer.tokenSigningRSAKeySecretName";
    com.nimbusds.jose.jwk.RSAKey current;
    try {
      current = SigningKeys.parsePem(secrets.require(key, server.tokenSigningRSAKeySecretName()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The secret "
              + server.tokenSigningRSAKeySecretName()
              + " named by "
              + key
              + " is not an RSA key: "
              + e.getMessage(),
          e);
    }
    List<com.nimbusds.jose.jwk.RSAKey> previous = new ArrayList<>();
    secrets
        .find(server.oldTokenSigningRSAKeySecretName())
        .ifPresent(
            pem -> {
              try {
                previous.add(SigningKeys.parsePem(pem));
              } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                    "The secret "
                        + server.oldTokenSigningRSAKeySecretName()
                        + " named by auth.appAuth.selfAuthServer.oldTokenSigningRSAKeySecretName"
                        + " is not an RSA key: "
                        + e.getMessage(),
                    e);
              }
            });
    secrets.requireKey(
        "auth.appAuth.selfAuthServer.claimSymmetricEncryptionKeySecretName",
        server.claimSymmetricEncryptionKeySecretName(),
        32);
    return new SigningKeys(current, previous);
  }

  @Bean
  TokenAuthenticator tokenAuthenticator(
      AuthProperties auth, PublicUrls publicUrls, AccessTokenKeys keys, BrowserLogin login) {
    return new TokenAuthenticator(
        auth.grpcAuthorizationHeader(),
        new JwtVerifier(
            keys.source(), keys.firstKeyFallback(), Clock.systemUTC(), Duration.ofMinutes(1)),
        publicUrls,
        keys.extraAudiences(),
        login.provider());
  }

  @Bean
  @GlobalServerInterceptor
  @Order(GrpcInterceptorOrder.AUTHENTICATION)
  AuthenticationInterceptor authenticationInterceptor(
      TokenAuthenticator tokens, AuthProperties auth) {
    return new AuthenticationInterceptor(
        tokens,
        Set.of(AuthMetadataServiceGrpc.SERVICE_NAME),
        !auth.disableForHttp(),
        !auth.disableForGrpc());
  }

  @Bean
  @GlobalServerInterceptor
  @Order(GrpcInterceptorOrder.AUTHENTICATION + 1)
  RequestHost requestHostInterceptor() {
    return new RequestHost();
  }

  @Bean
  AuthMetadataGrpcService authMetadataGrpcService(OAuth2MetadataService metadata) {
    return new AuthMetadataGrpcService(metadata);
  }

  @Bean
  IdentityGrpcService identityGrpcService() {
    return new IdentityGrpcService();
  }

  @Bean
  RouterFunction<ServerResponse> loginRoutes(
      AuthProperties auth, PublicUrls publicUrls, BrowserLogin login) {
    return new LoginEndpoints(auth, publicUrls, login.provider(), login.cookies()).routes();
  }

  /**
   * Over REST: the console's login cookie becomes {@code authorization: IDToken <id token>} with
   * its profile in {@code userinfo-bin}; without it, {@code auth.httpAuthorizationHeader} is
   * forwarded as {@code authorization} ({@code GetHTTPRequestCookieToMetadataHandler}). {@code /me}
   * answers carry {@code X-User-Subject} and {@code X-User-Claim-*}.
   */
  @Bean
  RestGatewayCustomizer authGatewayCustomizer(AuthProperties auth, BrowserLogin login) {
    String header = auth.httpAuthorizationHeader();
    return gateway ->
        gateway
            .metadataAnnotator(
                (request, metadata) -> {
                  LoginCookies cookies = login.cookies();
                  if (cookies != null) {
                    var jar = LoginCookies.parse(request.headerValues("Cookie"));
                    var idToken = cookies.idToken(jar);
                    if (idToken.isPresent()) {
                      metadata.put(TokenAuthenticator.AUTHORIZATION, "IDToken " + idToken.get());
                      cookies
                          .userInfo(jar)
                          .ifPresent(
                              info ->
                                  metadata.put(
                                      TokenAuthenticator.USER_INFO,
                                      info.getBytes(StandardCharsets.UTF_8)));
                      return;
                    }
                  }
                  String value = header.isEmpty() ? null : request.header(header);
                  if (value != null
                      && !value.isEmpty()
                      && request.header("Authorization") == null) {
                    metadata.put(TokenAuthenticator.AUTHORIZATION, value);
                  }
                })
            .responseHook(
                (response, headers) -> {
                  if (response instanceof UserInfoResponse info) {
                    headers.put("X-User-Subject", new ArrayList<>(List.of(info.getSubject())));
                    info.getAdditionalClaims()
                        .getFieldsMap()
                        .forEach(
                            (name, value) -> {
                              try {
                                headers.put(
                                    "X-User-Claim-" + name.replace('_', '-'),
                                    new ArrayList<>(
                                        List.of(
                                            com.google.protobuf.util.JsonFormat.printer()
                                                .omittingInsignificantWhitespace()
                                                .print(value))));
                              } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                                // a claim that cannot be printed is left out, as in Flyte
                              }
                            });
                  }
                });
  }

  /** The keys, audiences and fallback rule access tokens are checked with. */
  public record AccessTokenKeys(
      JWKSource<SecurityContext> source,
      boolean firstKeyFallback,
      List<String> extraAudiences,
      @org.jspecify.annotations.Nullable SigningKeys selfKeys) {}
}
