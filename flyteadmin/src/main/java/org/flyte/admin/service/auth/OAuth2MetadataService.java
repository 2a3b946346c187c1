package org.flyte.admin.service.auth;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import flyteidl.service.Auth.OAuth2MetadataResponse;
import flyteidl.service.Auth.PublicClientAuthConfigResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.flyte.admin.config.AuthProperties;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.jspecify.annotations.Nullable;

/**
 * What clients learn before they log in: the authorization server's metadata ({@code
 * /.well-known/oauth-authorization-server}) and the public client's settings ({@code
 * /config/v1/flyte_client}). Follows {@code flyteadmin/auth/authzserver/metadata_provider.go}
 * (v1.16.8): the built-in server's document is built from the request's public URL; an external
 * server's is fetched (retried on HTTP 401-511) and passed through, including its device
 * authorization endpoint, and the last good copy answers while the server is unreachable.
 */
public final class OAuth2MetadataService {

  /** The paths of the built-in server, relative to the public URL. */
  public static final String AUTHORIZE_PATH = "/oauth2/authorize";

  public static final String TOKEN_PATH = "/oauth2/token";
  public static final String JWKS_PATH = "/oauth2/jwks";

  private final AuthProperties properties;
  private final PublicUrls publicUrls;
  private final @Nullable URI externalMetadataUrl;
  private final HttpJson http;
  private final AtomicReference<OAuth2MetadataResponse> lastExternal = new AtomicReference<>();

  public OAuth2MetadataService(AuthProperties properties, PublicUrls publicUrls, HttpJson http) {
    this.properties = properties;
    this.publicUrls = publicUrls;
    this.http = http;
    this.externalMetadataUrl =
        properties.appAuth().authServerType() == AuthProperties.AuthServerType.External
            ? externalMetadataUrl(properties)
            : null;
  }

  /**
   * Fetches the external server's metadata once, at start-up.
   *
   * @throws IllegalStateException naming the key and URL when that fails
   */
  public OAuth2MetadataResponse fetchExternalAtStartup() {
    try {
      return fetchExternal();
    } catch (IOException e) {
      throw new IllegalStateException(
          "auth.appAuth.authServerType is External, but its metadata cannot be read (from"
              + " auth.appAuth.externalAuthServer.baseUrl"
              + (properties.appAuth().externalAuthServer().baseUrl().isEmpty()
                  ? ", unset, so auth.userAuth.openId.baseUrl"
                  : "")
              + (properties.appAuth().externalAuthServer().metadataUrl().isEmpty()
                  ? ""
                  : " and metadataUrl")
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /** The metadata document for a request whose public URL is {@code publicUrl}. */
  public OAuth2MetadataResponse metadata(String publicUrl) {
    if (externalMetadataUrl == null) {
      return selfMetadata(publicUrl);
    }
    try {
      return fetchExternal();
    } catch (IOException e) {
      OAuth2MetadataResponse last = lastExternal.get();
      if (last != null) {
        return last;
      }
      throw new FlyteException(
          ErrorCode.INTERNAL, "Failed to get oauth metadata: " + e.getMessage());
    }
  }

  /** The built-in server's document. */
  public OAuth2MetadataResponse selfMetadata(String publicUrl) {
    String base = trimSlash(publicUrl);
    return OAuth2MetadataResponse.newBuilder()
        .setIssuer(issuer(publicUrl))
        .setAuthorizationEndpoint(base + AUTHORIZE_PATH)
        .setTokenEndpoint(base + TOKEN_PATH)
        .setJwksUri(base + JWKS_PATH)
        .addCodeChallengeMethodsSupported("S256")
        .addAllResponseTypesSupported(List.of("code", "token", "code token"))
        .addAllGrantTypesSupported(
            List.of("client_credentials", "refresh_token", "authorization_code"))
        .addScopesSupported("all")
        .addTokenEndpointAuthMethodsSupported("client_secret_basic")
        .build();
  }

  /** The built-in server's issuer: {@code selfAuthServer.issuer}, else the public URL. */
  public String issuer(String publicUrl) {
    String configured = properties.appAuth().selfAuthServer().issuer();
    return configured.isEmpty() ? publicUrl : configured;
  }

  public PublicClientAuthConfigResponse publicClientConfig() {
    AuthProperties.FlyteClient client = properties.appAuth().thirdPartyConfig().flyteClient();
    return PublicClientAuthConfigResponse.newBuilder()
        .setClientId(client.clientId())
        .setRedirectUri(client.redirectUri())
        .addAllScopes(client.scopes())
        .setAuthorizationMetadataKey(properties.grpcAuthorizationHeader())
        .setAudience(client.audience())
        .build();
  }

  public PublicUrls publicUrls() {
    return publicUrls;
  }

  private OAuth2MetadataResponse fetchExternal() throws IOException {
    AuthProperties.ExternalAuthServer external = properties.appAuth().externalAuthServer();
    IOException last = null;
    for (int attempt = 0; attempt <= Math.max(0, external.retryAttempts()); attempt++) {
      if (attempt > 0) {
        pause(external.retryDelay());
      }
      HttpJson.Answer answer;
      try {
        answer =
            http.send(
                java.net.http.HttpRequest.newBuilder(externalMetadataUrl)
                    .timeout(HttpJson.TIMEOUT)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
      } catch (IOException e) {
        throw new IOException(externalMetadataUrl + " is unreachable: " + HttpJson.describe(e), e);
      }
      if (answer.ok()) {
        OAuth2MetadataResponse.Builder metadata = OAuth2MetadataResponse.newBuilder();
        try {
          JsonFormat.parser().ignoringUnknownFields().merge(answer.body(), metadata);
        } catch (InvalidProtocolBufferException e) {
          throw new IOException(
              externalMetadataUrl + " did not answer OAuth2 metadata: " + e.getMessage(), e);
        }
        OAuth2MetadataResponse document = metadata.build();
        lastExternal.set(document);
        return document;
      }
      last =
          new IOException(
              externalMetadataUrl
                  + " answered HTTP "
                  + answer.status()
                  + ": "
                  + HttpJson.abbreviate(answer.body()));
      if (answer.status() < 401 || answer.status() > 511) {
        break;
      }
    }
    throw last;
  }

  /** {@code <baseUrl>/} resolved against {@code metadataUrl}, or the RFC 8414 well-known path. */
  static URI externalMetadataUrl(AuthProperties properties) {
    AuthProperties.ExternalAuthServer external = properties.appAuth().externalAuthServer();
    String base =
        external.baseUrl().isEmpty()
            ? properties.userAuth().openId().baseUrl()
            : external.baseUrl();
    if (base.isEmpty()) {
      throw new IllegalStateException(
          "auth.appAuth.authServerType is External but neither"
              + " auth.appAuth.externalAuthServer.baseUrl nor auth.userAuth.openId.baseUrl is set");
    }
    URI baseUri;
    try {
      baseUri = URI.create(trimSlash(base) + "/");
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "auth.appAuth.externalAuthServer.baseUrl " + base + " is not a URL: " + e.getMessage());
    }
    String relative =
        external.metadataUrl().isEmpty()
            ? ".well-known/oauth-authorization-server"
            : external.metadataUrl();
    return baseUri.resolve(relative);
  }

  private static void pause(Duration delay) throws IOException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
