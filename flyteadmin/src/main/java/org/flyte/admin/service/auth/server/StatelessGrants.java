package org.flyte.admin.service.auth.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.flyte.common.auth.AuthenticationFailure;
import org.flyte.common.auth.JwtVerifier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Stateless authorization codes and refresh tokens, as FlyteAdmin's built-in server keeps them
 * ({@code flyteadmin/auth/authzserver/stateless_token_store.go}, v1.16.8): each is a JWT signed
 * with the token signing key that carries everything needed to redeem it (client, user, scopes,
 * redirect URI, PKCE challenge), so that any replica redeems what another issued and nothing is
 * stored. Their scopes are prefixed {@code f.}, so neither passes as an access token (it lacks the
 * scope {@code all}). A redeemed code is remembered until it expires, so this replica refuses a
 * second redemption.
 */
public final class StatelessGrants implements OAuth2AuthorizationService {

  static final String SCOPE_PREFIX = "f.";
  private static final String TOKEN_USE = "token_use";
  private static final String CODE_USE = "authorization_code";
  private static final String REFRESH_USE = "refresh_token";

  private final RSAKey signingKey;
  private final JwtVerifier verifier;
  private final RegisteredClientRepository clients;
  private final Supplier<String> issuer;
  private final Clock clock;
  private final Map<String, Instant> redeemedCodes = new ConcurrentHashMap<>();

  public StatelessGrants(
      RSAKey signingKey,
      JwtVerifier verifier,
      RegisteredClientRepository clients,
      Supplier<String> issuer,
      Clock clock) {
    this.signingKey = signingKey;
    this.verifier = verifier;
    this.clients = clients;
    this.issuer = issuer;
    this.clock = clock;
  }

  static String unprefixed(String scope) {
    return scope.startsWith(SCOPE_PREFIX) ? scope.substring(SCOPE_PREFIX.length()) : scope;
  }

  /** Issues authorization codes. */
  public OAuth2TokenGenerator<OAuth2AuthorizationCode> codes() {
    return context -> {
      if (!(context.getAuthorizationGrant()
          instanceof OAuth2AuthorizationCodeRequestAuthenticationToken request)) {
        return null;
      }
      Instant now = clock.instant();
      Instant expires =
          now.plus(
              context.getRegisteredClient().getTokenSettings().getAuthorizationCodeTimeToLive());
      JWTClaimsSet.Builder claims = base(context, now, expires, CODE_USE);
      claims.claim("redirect_uri", request.getRedirectUri());
      claims.claim("state", request.getState());
      claims.claim("authorization_uri", request.getAuthorizationUri());
      Object challenge = request.getAdditionalParameters().get(PkceParameterNames.CODE_CHALLENGE);
      Object method =
          request.getAdditionalParameters().get(PkceParameterNames.CODE_CHALLENGE_METHOD);
      if (challenge != null) {
        claims.claim(PkceParameterNames.CODE_CHALLENGE, String.valueOf(challenge));
        claims.claim(
            PkceParameterNames.CODE_CHALLENGE_METHOD,
            method == null ? "S256" : String.valueOf(method));
      }
      return new OAuth2AuthorizationCode(sign(claims.build()), now, expires);
    };
  }

  /**
   * Issues refresh tokens to confidential clients that may refresh and were granted {@code
   * offline}.
   */
  public OAuth2TokenGenerator<OAuth2RefreshToken> refreshTokens() {
    return context -> {
      if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
        return null;
      }
      RegisteredClient client = context.getRegisteredClient();
      boolean mayRefresh =
          client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)
              && !client.getClientAuthenticationMethods().stream()
                  .allMatch(m -> m.getValue().equals("none"))
              && context.getAuthorizedScopes().stream()
                  .map(StatelessGrants::unprefixed)
                  .anyMatch("offline"::equals);
      if (!mayRefresh) {
        return null;
      }
      Instant now = clock.instant();
      Instant expires = now.plus(client.getTokenSettings().getRefreshTokenTimeToLive());
      return new OAuth2RefreshToken(
          sign(base(context, now, expires, REFRESH_USE).build()), now, expires);
    };
  }

  private JWTClaimsSet.Builder base(
      OAuth2TokenContext context, Instant now, Instant expires, String use) {
    String iss = issuer.get();
    List<String> scopes = new ArrayList<>();
    context.getAuthorizedScopes().forEach(scope -> scopes.add(SCOPE_PREFIX + unprefixed(scope)));
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(iss)
            .audience(iss)
            .subject(context.getPrincipal().getName())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .claim("client_id", context.getRegisteredClient().getClientId())
            .claim("scp", scopes)
            .claim(TOKEN_USE, use);
    String userInfo = userInfoJson(context.getAuthorization(), context.getPrincipal());
    if (userInfo != null) {
      claims.claim(FlyteAccessTokens.USER_INFO, userInfo);
    }
    return claims;
  }

  private static @Nullable String userInfoJson(
      @Nullable OAuth2Authorization authorization, Authentication principal) {
    if (authorization != null
        && authorization.getAttribute(FlyteAccessTokens.USER_INFO) instanceof String stored) {
      return stored;
    }
    return principal.getDetails() instanceof LoginUser user ? user.userInfoJson() : null;
  }

  private String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the token signing key", e);
    }
    return jwt.serialize();
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    OAuth2Authorization.Token<OAuth2AuthorizationCode> code =
        authorization.getToken(OAuth2AuthorizationCode.class);
    if (code != null && code.isInvalidated() && code.getToken().getExpiresAt() != null) {
      Instant now = clock.instant();
      redeemedCodes.values().removeIf(expiry -> expiry.isBefore(now));
      redeemedCodes.put(authorization.getId(), code.getToken().getExpiresAt());
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    // nothing is stored
  }

  @Override
  public @Nullable OAuth2Authorization findById(String id) {
    return null; // nothing is stored
  }

  @Override
  public @Nullable OAuth2Authorization findByToken(
      String token, @Nullable OAuth2TokenType tokenType) {
    JWTClaimsSet claims;
    try {
      claims = verifier.verify(token);
    } catch (AuthenticationFailure e) {
      return null;
    }
    Object use = claims.getClaim(TOKEN_USE);
    boolean code = CODE_USE.equals(use);
    boolean refresh = REFRESH_USE.equals(use);
    if (tokenType != null
        && !(code && tokenType.getValue().equals("code"))
        && !(refresh && OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
      return null;
    }
    if (!code && !refresh) {
      return null;
    }
    String clientId = claims.getClaim("client_id") instanceof String s ? s : "";
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null || claims.getJWTID() == null) {
      return null;
    }
    Set<String> scopes = new LinkedHashSet<>();
    if (claims.getClaim("scp") instanceof List<?> list) {
      list.forEach(scope -> scopes.add(unprefixed(String.valueOf(scope))));
    }
    String subject = claims.getSubject() == null ? "" : claims.getSubject();
    String userInfo = claims.getClaim(FlyteAccessTokens.USER_INFO) instanceof String s ? s : null;
    UsernamePasswordAuthenticationToken principal =
        UsernamePasswordAuthenticationToken.authenticated(subject, null, List.of());
    principal.setDetails(new LoginUser(subject, userInfo == null ? "" : userInfo));
    Instant issuedAt = claims.getIssueTime().toInstant();
    Instant expiresAt = claims.getExpirationTime().toInstant();
    OAuth2Authorization.Builder authorization =
        OAuth2Authorization.withRegisteredClient(client)
            .id(claims.getJWTID())
            .principalName(subject)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizedScopes(scopes)
            .attribute(Principal.class.getName(), principal);
    if (userInfo != null) {
      authorization.attribute(FlyteAccessTokens.USER_INFO, userInfo);
    }
    if (code) {
      Map<String, Object> pkce = new LinkedHashMap<>();
      if (claims.getClaim(PkceParameterNames.CODE_CHALLENGE) instanceof String challenge) {
        pkce.put(PkceParameterNames.CODE_CHALLENGE, challenge);
        pkce.put(
            PkceParameterNames.CODE_CHALLENGE_METHOD,
            String.valueOf(claims.getClaim(PkceParameterNames.CODE_CHALLENGE_METHOD)));
      }
      OAuth2AuthorizationRequest request =
          OAuth2AuthorizationRequest.authorizationCode()
              .authorizationUri(String.valueOf(claims.getClaim("authorization_uri")))
              .clientId(clientId)
              .redirectUri((String) claims.getClaim("redirect_uri"))
              .scopes(scopes)
              .state((String) claims.getClaim("state"))
              .additionalParameters(pkce)
              .build();
      boolean redeemed = redeemedCodes.containsKey(claims.getJWTID());
      authorization
          .attribute(OAuth2AuthorizationRequest.class.getName(), request)
          .token(
              new OAuth2AuthorizationCode(token, issuedAt, expiresAt),
              metadata -> {
                if (redeemed) {
                  metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, true);
                }
              });
    } else {
      authorization.refreshToken(new OAuth2RefreshToken(token, issuedAt, expiresAt));
    }
    return authorization.build();
  }
}
