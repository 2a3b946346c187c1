package org.flyte.common.auth;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import flyteidl.service.Identity.UserInfoResponse;
import io.grpc.Context;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who made a call: the authenticated user ({@code sub}) and/or app ({@code client_id}), the scopes
 * granted, the audience the token was accepted for, when it was issued, and the user's profile
 * ({@code UserInfoResponse}, the answer of {@code IdentityService.UserInfo}). Available to handlers
 * through {@link #current()} while the call runs.
 *
 * <p>The claim mapping follows {@code flyteadmin/auth/authzserver/claims_verifier.go} and {@code
 * flyteadmin/auth/token.go} (v1.16.8): {@code scp} as a list, or one string taken as one scope; a
 * token with neither {@code client_id} nor scopes is a user's token and gets the scope {@code all};
 * an ID token always gets {@code all}; every claim is copied into {@code additional_claims}.
 */
public record CallerIdentity(
    String subject,
    String clientId,
    Set<String> scopes,
    String audience,
    @Nullable Instant issuedAt,
    UserInfoResponse userInfo) {

  /** The scope every FlyteAdmin call needs (Flyte's blanket authorization). */
  public static final String SCOPE_ALL = "all";

  private static final Context.Key<CallerIdentity> CONTEXT_KEY = Context.key("flyte-identity");

  public CallerIdentity {
    scopes = Set.copyOf(scopes);
  }

  /** The identity of the call being handled, or {@code null} (auth off, or an anonymous call). */
  public static @Nullable CallerIdentity current() {
    return CONTEXT_KEY.get();
  }

  /** The subject of the current call, or {@code ""} (Flyte's principal with auth off). */
  public static String currentSubject() {
    CallerIdentity identity = current();
    return identity == null ? "" : identity.subject();
  }

  /** A context in which {@link #current()} answers this identity. */
  public Context attach(Context context) {
    return context.withValue(CONTEXT_KEY, this);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /** The identity an OAuth2 access token carries, accepted for {@code audience}. */
  public static CallerIdentity fromAccessToken(JWTClaimsSet claims, String audience) {
    UserInfoResponse.Builder userInfo = UserInfoResponse.newBuilder();
    Object userInfoClaim = claims.getClaim("user_info");
    if (userInfoClaim instanceof Map<?, ?> map) {
      mergeJson(JSONObjectUtils.toJSONString(stringKeys(map)), userInfo);
    }
    String clientId = claims.getClaim("client_id") instanceof String s ? s : "";
    Set<String> scopes = new LinkedHashSet<>();
    Object scp = claims.getClaim("scp");
    if (scp instanceof List<?> list) {
      list.forEach(scope -> scopes.add(String.valueOf(scope)));
    } else if (scp instanceof String single) {
      scopes.add(single);
    }
    if (claims.getClaim("email") instanceof String email) {
      userInfo.setEmail(email);
    }
    if (clientId.isEmpty() && scopes.isEmpty()) {
      scopes.add(SCOPE_ALL); // a user's token: as good as the console's login cookie
    }
    return build(claims, audience, clientId, scopes, userInfo);
  }

  /**
   * The identity an OpenID Connect ID token carries (the console's login), with the profile the
   * gateway forwarded from the login cookie, if any.
   */
  public static CallerIdentity fromIdToken(
      JWTClaimsSet claims, String audience, @Nullable UserInfoResponse profile) {
    UserInfoResponse.Builder userInfo =
        profile == null ? UserInfoResponse.newBuilder() : profile.toBuilder();
    return build(claims, audience, "", Set.of(SCOPE_ALL), userInfo);
  }

  private static CallerIdentity build(
      JWTClaimsSet claims,
      String audience,
      String clientId,
      Set<String> scopes,
      UserInfoResponse.Builder userInfo) {
    String subject = claims.getSubject() == null ? "" : claims.getSubject();
    if (userInfo.getSubject().isEmpty()) {
      userInfo.setSubject(subject);
    }
    Struct.Builder additional = Struct.newBuilder();
    mergeJson(JSONObjectUtils.toJSONString(claims.toJSONObject()), additional);
    userInfo.setAdditionalClaims(additional);
    Instant issuedAt = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
    return new CallerIdentity(subject, clientId, scopes, audience, issuedAt, userInfo.build());
  }

  private static void mergeJson(String json, com.google.protobuf.Message.Builder builder) {
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new AuthenticationFailure(
          AuthenticationFailure.Reason.MALFORMED, "claims are not valid JSON: " + e.getMessage());
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return copy;
  }
}
