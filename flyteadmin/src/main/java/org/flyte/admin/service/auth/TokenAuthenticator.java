package org.flyte.admin.service.auth;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.nimbusds.jwt.JWTClaimsSet;
import flyteidl.service.Identity.UserInfoResponse;
import io.grpc.Metadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flyte.common.auth.AuthenticationFailure;
import org.flyte.common.auth.AuthenticationFailure.Reason;
import org.flyte.common.auth.CallerIdentity;
import org.flyte.common.auth.JwtVerifier;
import org.flyte.common.grpc.CallAuthenticator;
import org.jspecify.annotations.Nullable;

/**
 * FlyteAdmin's credentials: {@code Bearer <access token>} or {@code IDToken <id token>} in the
 * {@code authorization} metadata or in {@code auth.grpcAuthorizationHeader} (the standard key
 * first). Access tokens are verified against the authorization server's keys and must carry an
 * audience {@link PublicUrls#acceptedAudiences accepted} for the request's public URL; ID tokens
 * (the console's login, forwarded by the REST gateway) are verified by the {@link OpenIdProvider}.
 * Follows {@code flyteadmin/auth/token.go} and {@code handlers.go} (v1.16.8).
 */
public final class TokenAuthenticator implements CallAuthenticator {

  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** The console's profile, forwarded by the REST gateway from the login cookie. */
  public static final Metadata.Key<byte[]> USER_INFO =
      Metadata.Key.of("userinfo-bin", Metadata.BINARY_BYTE_MARSHALLER);

  private static final Metadata.Key<String> FORWARDED_HOST =
      Metadata.Key.of("x-forwarded-host", Metadata.ASCII_STRING_MARSHALLER);

  private final Metadata.@Nullable Key<String> customHeader;
  private final JwtVerifier accessTokens;
  private final PublicUrls publicUrls;
  private final List<String> extraAudiences;
  private final @Nullable OpenIdProvider openId;

  /**
   * @param grpcAuthorizationHeader {@code auth.grpcAuthorizationHeader}
   * @param accessTokens verifies access tokens with the authorization server's keys
   * @param extraAudiences accepted besides the service's URLs (issuer, {@code allowedAudience})
   * @param openId the login provider, when browser login is configured
   */
  public TokenAuthenticator(
      String grpcAuthorizationHeader,
      JwtVerifier accessTokens,
      PublicUrls publicUrls,
      List<String> extraAudiences,
      @Nullable OpenIdProvider openId) {
    String header = grpcAuthorizationHeader.toLowerCase(Locale.ROOT);
    this.customHeader =
        header.isEmpty() || header.equals("authorization")
            ? null
            : Metadata.Key.of(header, Metadata.ASCII_STRING_MARSHALLER);
    this.accessTokens = accessTokens;
    this.publicUrls = publicUrls;
    this.extraAudiences = List.copyOf(extraAudiences);
    this.openId = openId;
  }

  @Override
  public @Nullable CallerIdentity authenticate(Metadata headers, @Nullable String authority) {
    List<String> values = new ArrayList<>();
    Iterable<String> standard = headers.getAll(AUTHORIZATION);
    if (standard != null) {
      standard.forEach(values::add);
    }
    if (customHeader != null) {
      Iterable<String> custom = headers.getAll(customHeader);
      if (custom != null) {
        custom.forEach(values::add);
      }
    }
    String unknown = null;
    for (String value : values) {
      String trimmed = value.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int space = trimmed.indexOf(' ');
      String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
      String token = space < 0 ? "" : trimmed.substring(space + 1).trim();
      if (scheme.equalsIgnoreCase("Bearer")) {
        return accessToken(token, headers, authority);
      }
      if (scheme.equalsIgnoreCase("IDToken")) {
        return idToken(token, headers);
      }
      unknown = scheme;
    }
    if (unknown != null) {
      throw new AuthenticationFailure(
          Reason.MALFORMED,
          "the authorization scheme " + abbreviate(unknown) + " is not 'Bearer' (or 'IDToken')");
    }
    return null;
  }

  private CallerIdentity accessToken(String token, Metadata headers, @Nullable String authority) {
    if (token.isEmpty()) {
      throw new AuthenticationFailure(Reason.NO_TOKEN, "the Bearer token is blank");
    }
    JWTClaimsSet claims = accessTokens.verify(token);
    String host = headers.get(FORWARDED_HOST);
    if (host == null || host.isEmpty()) {
      host = authority;
    }
    Set<String> accepted =
        publicUrls.acceptedAudiences(publicUrls.forRequest(null, host), extraAudiences);
    String audience = JwtVerifier.requireAudience(claims, accepted);
    return CallerIdentity.fromAccessToken(claims, audience);
  }

  private CallerIdentity idToken(String token, Metadata headers) {
    OpenIdProvider provider = openId;
    if (provider == null) {
      throw new AuthenticationFailure(
          Reason.MALFORMED,
          "IDToken credentials need browser login (auth.userAuth.openId.baseUrl), which is not"
              + " configured");
    }
    if (token.isEmpty()) {
      throw new AuthenticationFailure(Reason.NO_TOKEN, "the IDToken token is blank");
    }
    UserInfoResponse profile = null;
    byte[] userInfo = headers.get(USER_INFO);
    if (userInfo != null && userInfo.length > 0) {
      UserInfoResponse.Builder builder = UserInfoResponse.newBuilder();
      try {
        JsonFormat.parser()
            .ignoringUnknownFields()
            .merge(new String(userInfo, StandardCharsets.UTF_8), builder);
        profile = builder.build();
      } catch (InvalidProtocolBufferException e) {
        profile = null; // Flyte ignores an unreadable profile as well
      }
    }
    return provider.verifyIdToken(token, profile);
  }

  private static String abbreviate(String value) {
    return value.length() > 20 ? value.substring(0, 20) + "..." : value;
  }
}
