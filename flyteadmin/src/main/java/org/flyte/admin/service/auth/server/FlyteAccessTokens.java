package org.flyte.admin.service.auth.server;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes the built-in server's access tokens as FlyteAdmin's ({@code
 * flyteadmin/auth/authzserver/provider.go}, v1.16.8): {@code iss} and {@code aud} = the issuer
 * ({@code selfAuthServer.issuer} or the public URL), {@code scp} as a list, {@code client_id}, the
 * user's profile in {@code user_info} for tokens obtained through a login, and the key id in
 * Flyte's header {@code key_id} besides {@code kid}. One difference: client-credentials tokens
 * carry {@code sub} = the client id (Flyte leaves it empty), so executions they launch name their
 * launcher.
 */
public final class FlyteAccessTokens implements OAuth2TokenCustomizer<JwtEncodingContext> {

  /** The authorization attribute (and principal detail) holding the user's profile as JSON. */
  public static final String USER_INFO = "user_info";

  private final Supplier<String> issuer;
  private final String keyId;

  /**
   * @param issuer the issuer of the request being served
   * @param keyId the signing key's id
   */
  public FlyteAccessTokens(Supplier<String> issuer, String keyId) {
    this.issuer = issuer;
    this.keyId = keyId;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    String iss = issuer.get();
    context.getJwsHeader().keyId(keyId).header("key_id", keyId).type("JWT");
    context
        .getClaims()
        .issuer(iss)
        .audience(List.of(iss))
        .claim("client_id", context.getRegisteredClient().getClientId())
        .claims(claims -> claims.remove("scope"));
    List<String> scopes = new ArrayList<>();
    for (String scope : context.getAuthorizedScopes()) {
      scopes.add(StatelessGrants.unprefixed(scope));
    }
    context.getClaims().claim("scp", scopes);
    Map<String, Object> userInfo = userInfo(context.getAuthorization(), context.getPrincipal());
    if (userInfo != null) {
      context.getClaims().claim(USER_INFO, userInfo);
    }
  }

  private static Map<String, Object> userInfo(
      OAuth2Authorization authorization, Authentication principal) {
    String json = null;
    if (authorization != null && authorization.getAttribute(USER_INFO) instanceof String stored) {
      json = stored;
    } else if (principal != null && principal.getDetails() instanceof LoginUser user) {
      json = user.userInfoJson();
    }
    if (json == null || json.isEmpty()) {
      return null;
    }
    try {
      return JSONObjectUtils.parse(json);
    } catch (ParseException e) {
      return null;
    }
  }
}
