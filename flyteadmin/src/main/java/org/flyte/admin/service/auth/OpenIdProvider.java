package org.flyte.admin.service.auth;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import flyteidl.service.Identity.UserInfoResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flyte.admin.config.AuthProperties;
import org.flyte.common.auth.CallerIdentity;
import org.flyte.common.auth.JwtVerifier;
import org.jspecify.annotations.Nullable;

/**
 * The OpenID Connect provider users log in with ({@code auth.userAuth.openId}): discovered at
 * start-up from {@code <baseUrl>/.well-known/openid-configuration}, FlyteAdmin being its
 * confidential client. Verifies ID tokens (signature by the provider's keys, issuer, audience =
 * {@code clientId}, expiry), exchanges login codes, refreshes, and reads the user's profile.
 * Follows {@code flyteadmin/auth/auth_context.go} and {@code token.go} (v1.16.8).
 */
public final class OpenIdProvider {

  /** What the provider's token endpoint answered. */
  public record Tokens(String accessToken, String idToken, String refreshToken) {}

  private final AuthProperties.OpenId config;
  private final String clientSecret;
  private final HttpJson http;
  private final String issuer;
  private final URI authorizationEndpoint;
  private final URI tokenEndpoint;
  private final @Nullable URI userInfoEndpoint;
  private final JwtVerifier idTokens;

  private OpenIdProvider(
      AuthProperties.OpenId config,
      String clientSecret,
      HttpJson http,
      Map<String, Object> discovery,
      JWKSource<SecurityContext> keys,
      Clock clock) {
    this.config = config;
    this.clientSecret = clientSecret;
    this.http = http;
    this.issuer = config.issuerUrl().isEmpty() ? config.baseUrl() : config.issuerUrl();
    this.authorizationEndpoint = URI.create(HttpJson.string(discovery, "authorization_endpoint"));
    this.tokenEndpoint = URI.create(HttpJson.string(discovery, "token_endpoint"));
    String userInfo = HttpJson.string(discovery, "userinfo_endpoint");
    this.userInfoEndpoint = userInfo.isEmpty() ? null : URI.create(userInfo);
    this.idTokens = new JwtVerifier(keys, false, clock, Duration.ofMinutes(1));
  }

  /**
   * Discovers the provider; the start stops here with one message naming the key and URL when it
   * cannot be used.
   */
  public static OpenIdProvider discover(
      AuthProperties.OpenId config, String clientSecret, HttpJson http, Clock clock) {
    URI base;
    try {
      base = URI.create(config.baseUrl());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "auth.userAuth.openId.baseUrl " + config.baseUrl() + " is not a URL: " + e.getMessage());
    }
    if (!base.isAbsolute() || base.getHost() == null) {
      throw new IllegalStateException(
          "auth.userAuth.openId.baseUrl " + config.baseUrl() + " is not an absolute http(s) URL");
    }
    URI discoveryUrl =
        URI.create(trimSlash(config.baseUrl()) + "/.well-known/openid-configuration");
    Map<String, Object> discovery;
    try {
      discovery = http.getObject(discoveryUrl);
    } catch (IOException e) {
      throw new IllegalStateException(
          "OpenID discovery for auth.userAuth.openId.baseUrl failed: "
              + e.getMessage()
              + ". baseUrl must be the provider's issuer URL (Entra ID:"
              + " https://login.microsoftonline.com/<tenant>/v2.0, Keycloak:"
              + " https://<host>/realms/<realm>, Okta: https://<org>.okta.com/oauth2/default).",
          e);
    }
    String discoveredIssuer = HttpJson.string(discovery, "issuer");
    String expectedIssuer = config.issuerUrl().isEmpty() ? config.baseUrl() : config.issuerUrl();
    if (!trimSlash(discoveredIssuer).equals(trimSlash(expectedIssuer))) {
      throw new IllegalStateException(
          "The OpenID provider at "
              + discoveryUrl
              + " reports the issuer "
              + discoveredIssuer
              + ", not "
              + expectedIssuer
              + " (auth.userAuth.openId."
              + (config.issuerUrl().isEmpty() ? "baseUrl" : "issuerUrl")
              + "). Set auth.userAuth.openId.issuerUrl: "
              + discoveredIssuer
              + " if that is the issuer its tokens carry.");
    }
    for (String required : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
      if (HttpJson.string(discovery, required).isEmpty()) {
        throw new IllegalStateException(
            "The OpenID configuration at " + discoveryUrl + " has no " + required);
      }
    }
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.create(URI.create(HttpJson.string(discovery, "jwks_uri")).toURL())
              .retrying(true)
              .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The OpenID configuration at " + discoveryUrl + " has an unusable jwks_uri", e);
    }
    return new OpenIdProvider(config, clientSecret, http, discovery, keys, clock);
  }

  /** The identity of a console login's ID token. */
  public CallerIdentity verifyIdToken(String idToken, @Nullable UserInfoResponse profile) {
    JWTClaimsSet claims = idTokens.verify(idToken);
    String audience = config.clientId();
    if (!config.clientId().isEmpty()) {
      JwtVerifier.requireIssuer(claims, issuer);
      audience = JwtVerifier.requireAudience(claims, List.of(config.clientId()));
    }
    return CallerIdentity.fromIdToken(claims, audience, profile);
  }

  /** The provider's login page for a login that returns to {@code redirectUri}. */
  public URI authorizationUrl(String redirectUri, String state, Map<String, String> extra) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", config.clientId());
    query.put("redirect_uri", redirectUri);
    query.put("response_type", "code");
    query.put("scope", String.join(" ", config.scopes()));
    query.put("state", state);
    query.putAll(extra);
    String separator = authorizationEndpoint.getRawQuery() == null ? "?" : "&";
    return URI.create(authorizationEndpoint + separator + form(query));
  }

  /** Exchanges a login code. */
  public Tokens exchange(String code, String redirectUri) throws IOException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    return tokenRequest(form);
  }

  /** Refreshes a login. */
  public Tokens refresh(String refreshToken) throws IOException {
    return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
  }

  private Tokens tokenRequest(Map<String, String> form) throws IOException {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (encode(config.clientId()) + ":" + encode(clientSecret))
                    .getBytes(StandardCharsets.UTF_8));
    HttpJson.Answer answer =
        http.send(
            HttpRequest.newBuilder(tokenEndpoint)
                .timeout(HttpJson.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build());
    if (!answer.ok()) {
      throw new IOException(
          tokenEndpoint
              + " answered HTTP "
              + answer.status()
              + ": "
              + HttpJson.abbreviate(answer.body()));
    }
    Map<String, Object> json = HttpJson.parse(tokenEndpoint, answer.body());
    return new Tokens(
        HttpJson.string(json, "access_token"),
        HttpJson.string(json, "id_token"),
        HttpJson.string(json, "refresh_token"));
  }

  /** The user's profile from the provider's userinfo endpoint. */
  public UserInfoResponse userInfo(String accessToken) throws IOException {
    if (userInfoEndpoint == null) {
      throw new IOException("the OpenID provider publishes no userinfo_endpoint");
    }
    HttpJson.Answer answer =
        http.send(
            HttpRequest.newBuilder(userInfoEndpoint)
                .timeout(HttpJson.TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build());
    if (!answer.ok()) {
      throw new IOException(
          userInfoEndpoint
              + " answered HTTP "
              + answer.status()
              + ": "
              + HttpJson.abbreviate(answer.body()));
    }
    UserInfoResponse.Builder profile = UserInfoResponse.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(answer.body(), profile);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException(
          userInfoEndpoint + " did not answer a user profile: " + e.getMessage(), e);
    }
    return profile.build();
  }

  public String issuer() {
    return issuer;
  }

  /** Where {@code /.well-known/openid-configuration} redirects to. */
  public URI discoveryUrl() {
    return URI.create(trimSlash(config.baseUrl()) + "/.well-known/openid-configuration");
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
