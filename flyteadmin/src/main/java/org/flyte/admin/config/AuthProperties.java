package org.flyte.admin.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Flyte's {@code auth} section under {@code flyte.auth}, read when {@code server.security.useAuth}
 * is on. Keys and defaults follow {@code flyteadmin/auth/config/config.go} (v1.16.8);
 * docs/authentication.md explains them.
 *
 * @param httpAuthorizationHeader an HTTP header accepted for bearer tokens besides {@code
 *     Authorization}; default {@code flyte-authorization}
 * @param grpcAuthorizationHeader a gRPC metadata key accepted for bearer tokens besides {@code
 *     authorization} (Envoy reserves that one), published to clients as {@code
 *     authorization_metadata_key}; default {@code flyte-authorization}
 * @param disableForHttp let unauthenticated REST calls through
 * @param disableForGrpc let unauthenticated gRPC calls through
 * @param authorizedUris the service's public base URLs: the issuer and metadata URLs, the accepted
 *     token audiences, the allowed absolute {@code redirect_url}s
 * @param httpProxyURL a proxy for calls to the external authorization server
 * @param userAuth browser login through an OpenID Connect provider
 * @param appAuth the authorization server that issues tokens to apps
 */
@ConfigurationProperties(prefix = "flyte.auth")
public record AuthProperties(
    @DefaultValue("flyte-authorization") String httpAuthorizationHeader,
    @DefaultValue("flyte-authorization") String grpcAuthorizationHeader,
    @DefaultValue("false") boolean disableForHttp,
    @DefaultValue("false") boolean disableForGrpc,
    @DefaultValue List<URI> authorizedUris,
    @DefaultValue("") String httpProxyURL,
    @DefaultValue UserAuth userAuth,
    @DefaultValue AppAuth appAuth) {

  /**
   * @param redirectUrl where the browser lands after login without a {@code redirect_url}; default
   *     {@code /console}
   * @param openId the OpenID Connect provider the users log in with
   * @param httpProxyURL a proxy for calls to the provider
   * @param cookieHashKeySecretName the secret holding the cookies' HMAC key (base64, 64 bytes)
   * @param cookieBlockKeySecretName the secret holding the cookies' AES key (base64, 32 bytes)
   * @param cookieSetting attributes of the login cookies
   * @param idpQueryParameter a {@code /login} query parameter forwarded to the provider
   */
  public record UserAuth(
      @DefaultValue("/console") String redirectUrl,
      @DefaultValue OpenId openId,
      @DefaultValue("") String httpProxyURL,
      @DefaultValue("cookie_hash_key") String cookieHashKeySecretName,
      @DefaultValue("cookie_block_key") String cookieBlockKeySecretName,
      @DefaultValue CookieSetting cookieSetting,
      @DefaultValue("") String idpQueryParameter) {}

  /**
   * @param clientId FlyteAdmin's client id at the provider, also the required audience of ID tokens
   * @param clientSecretName the secret holding the client secret; default {@code
   *     oidc_client_secret}
   * @param clientSecretFile deprecated: a file holding the client secret
   * @param baseUrl the provider's issuer URL; discovery reads {@code
   *     <baseUrl>/.well-known/openid-configuration} at start-up
   * @param issuerUrl the issuer the provider's tokens carry, when it differs from {@code baseUrl}
   * @param scopes the scopes requested at login; default {@code openid, profile}
   */
  public record OpenId(
      @DefaultValue("") String clientId,
      @DefaultValue("oidc_client_secret") String clientSecretName,
      @DefaultValue("") String clientSecretFile,
      @DefaultValue("") String baseUrl,
      @DefaultValue("") String issuerUrl,
      @DefaultValue({"openid", "profile"}) List<String> scopes) {}

  /**
   * @param sameSitePolicy {@code DefaultMode}, {@code LaxMode}, {@code StrictMode} or {@code
   *     NoneMode}
   * @param domain the cookies' {@code Domain} attribute; default none
   */
  public record CookieSetting(
      @DefaultValue("DefaultMode") String sameSitePolicy, @DefaultValue("") String domain) {}

  /** Who issues the tokens apps present. */
  public enum AuthServerType {
    /** FlyteAdmin's built-in authorization server. */
    Self,
    /** Another OAuth2 authorization server (Okta, Entra ID, Keycloak, ...). */
    External
  }

  /**
   * @param authServerType {@code Self} (default) or {@code External}
   * @param selfAuthServer the built-in server
   * @param externalAuthServer the external server
   * @param thirdPartyConfig what {@code /config/v1/flyte_client} tells flytectl and flytekit
   */
  public record AppAuth(
      @DefaultValue("Self") AuthServerType authServerType,
      @DefaultValue SelfAuthServer selfAuthServer,
      @DefaultValue ExternalAuthServer externalAuthServer,
      @DefaultValue ThirdPartyConfig thirdPartyConfig) {}

  /**
   * @param issuer the issuer and audience of the tokens; default the public URL of the request
   * @param accessTokenLifespan default 30m
   * @param refreshTokenLifespan default 60m
   * @param authorizationCodeLifespan default 5m
   * @param claimSymmetricEncryptionKeySecretName the secret holding a 32-byte key (base64)
   * @param tokenSigningRSAKeySecretName the secret holding the PEM RSA key that signs tokens
   * @param oldTokenSigningRSAKeySecretName the secret holding the previous key, still accepted
   * @param staticClients the clients, by id, merged over the defaults ({@code flyte-cli}, {@code
   *     flytectl}, {@code flytepropeller})
   */
  public record SelfAuthServer(
      @DefaultValue("") String issuer,
      @DefaultValue("30m") Duration accessTokenLifespan,
      @DefaultValue("60m") Duration refreshTokenLifespan,
      @DefaultValue("5m") Duration authorizationCodeLifespan,
      @DefaultValue("claim_symmetric_key") String claimSymmetricEncryptionKeySecretName,
      @DefaultValue("token_rsa_key.pem") String tokenSigningRSAKeySecretName,
      @DefaultValue("token_rsa_key_old.pem") String oldTokenSigningRSAKeySecretName,
      @DefaultValue Map<String, StaticClient> staticClients) {

    /** The configured clients over Flyte's defaults, field by field. */
    public Map<String, StaticClient> clients() {
      Map<String, StaticClient> clients = new LinkedHashMap<>(StaticClient.DEFAULTS);
      staticClients.forEach(
          (key, client) -> {
            StaticClient base = clients.get(key);
            clients.put(key, base == null ? client.withId(key) : base.overriddenBy(client));
          });
      return clients;
    }
  }

  /**
   * A client of the built-in server, spelled as Flyte's (fosite's) client: {@code id}, {@code
   * client_secret} (a bcrypt hash, plain or base64-encoded), {@code redirect_uris}, {@code
   * grant_types}, {@code response_types}, {@code scopes}, {@code audience}, {@code public}.
   */
  public record StaticClient(
      @Nullable String id,
      @Nullable String clientSecret,
      @Nullable List<String> redirectUris,
      @Nullable List<String> grantTypes,
      @Nullable List<String> responseTypes,
      @Nullable List<String> scopes,
      @Nullable List<String> audience,
      @Name("public") @Nullable Boolean isPublic) {

    private static final List<String> CLI_REDIRECTS =
        List.of("http://localhost:53593/callback", "http://localhost:12345/callback");
    private static final List<String> SCOPES = List.of("all", "offline", "access_token");

    /** Flyte's default clients. */
    public static final Map<String, StaticClient> DEFAULTS =
        Map.of(
            "flyte-cli",
            new StaticClient(
                "flyte-cli",
                null,
                CLI_REDIRECTS,
                List.of("refresh_token", "authorization_code"),
                List.of("code", "token"),
                SCOPES,
                List.of(),
                true),
            "flytectl",
            new StaticClient(
                "flytectl",
                null,
                CLI_REDIRECTS,
                List.of("refresh_token", "authorization_code"),
                List.of("code", "token"),
                SCOPES,
                List.of(),
                true),
            "flytepropeller",
            new StaticClient(
                "flytepropeller",
                // Flyte's default hash; its comment says "Change this." (docs/authentication.md)
                "$2a$06$d6PQn2QAFU3cL5V8MDkeuuk63xubqUxNxjtfPw.Fc9MgV6vpmyOIy",
                List.of("http://localhost:3846/callback"),
                List.of("refresh_token", "client_credentials"),
                List.of("token"),
                SCOPES,
                List.of(),
                false));

    StaticClient withId(String key) {
      return id == null || id.isEmpty()
          ? overriddenBy(new StaticClient(key, null, null, null, null, null, null, null))
          : this;
    }

    StaticClient overriddenBy(StaticClient other) {
      return new StaticClient(
          pick(other.id, id),
          pick(other.clientSecret, clientSecret),
          pick(other.redirectUris, redirectUris),
          pick(other.grantTypes, grantTypes),
          pick(other.responseTypes, responseTypes),
          pick(other.scopes, scopes),
          pick(other.audience, audience),
          pick(other.isPublic, isPublic));
    }

    private static <T> @Nullable T pick(@Nullable T preferred, @Nullable T fallback) {
      return preferred != null ? preferred : fallback;
    }

    public List<String> redirectUrisOrEmpty() {
      return redirectUris == null ? List.of() : redirectUris;
    }

    public List<String> grantTypesOrEmpty() {
      return grantTypes == null ? List.of() : grantTypes;
    }

    public List<String> scopesOrEmpty() {
      return scopes == null ? List.of() : scopes;
    }

    public boolean publicClient() {
      return Boolean.TRUE.equals(isPublic);
    }
  }

  /**
   * @param baseUrl the server's issuer URL; default {@code userAuth.openId.baseUrl}
   * @param allowedAudience audiences accepted besides the service's public URLs
   * @param metadataUrl where its metadata is, relative to {@code baseUrl} or absolute; default
   *     {@code .well-known/oauth-authorization-server}
   * @param httpProxyURL a proxy for calls to the server
   * @param retryAttempts retries of a failed metadata request; default 5
   * @param retryDelay pause between them; default 1s
   */
  public record ExternalAuthServer(
      @DefaultValue("") String baseUrl,
      @DefaultValue List<String> allowedAudience,
      @DefaultValue("") String metadataUrl,
      @DefaultValue("") String httpProxyURL,
      @DefaultValue("5") int retryAttempts,
      @DefaultValue("1s") Duration retryDelay) {}

  /**
   * @param flyteClient the public client flytectl and flytekit log in as
   */
  public record ThirdPartyConfig(@DefaultValue FlyteClient flyteClient) {}

  /**
   * @param clientId default {@code flytectl}
   * @param redirectUri default {@code http://localhost:53593/callback}
   * @param scopes default {@code all, offline}
   * @param audience the {@code audience} clients send to the token endpoint; default none
   */
  public record FlyteClient(
      @DefaultValue("flytectl") String clientId,
      @DefaultValue("http://localhost:53593/callback") String redirectUri,
      @DefaultValue({"all", "offline"}) List<String> scopes,
      @DefaultValue("") String audience) {}
}
