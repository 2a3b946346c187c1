package org.flyte.admin.service.auth.server;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Metadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.service.auth.LoginCookies;
import org.flyte.admin.service.auth.OpenIdProvider;
import org.flyte.admin.service.auth.TokenAuthenticator;
import org.flyte.common.auth.AuthenticationFailure;
import org.flyte.common.auth.CallerIdentity;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the authorization endpoint who the user is: a bearer token in {@code Authorization} or
 * {@code auth.httpAuthorizationHeader}, else the console's login cookies (their ID token, checked
 * with the OpenID provider). As {@code flyteadmin/auth/handlers.go IdentityContextFromRequest}
 * (v1.16.8). Without either the request stays anonymous and the authorization server sends the
 * browser to {@code /login} first.
 */
public final class LoginUserFilter extends OncePerRequestFilter {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(LoginUserFilter.class);

  private final TokenAuthenticator tokens;
  private final String httpAuthorizationHeader;
  private final @Nullable OpenIdProvider provider;
  private final @Nullable LoginCookies cookies;

  public LoginUserFilter(
      TokenAuthenticator tokens,
      String httpAuthorizationHeader,
      @Nullable OpenIdProvider provider,
      @Nullable LoginCookies cookies) {
    this.tokens = tokens;
    this.httpAuthorizationHeader = httpAuthorizationHeader;
    this.provider = provider;
    this.cookies = cookies;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CallerIdentity user = user(request);
    if (user != null && !user.subject().isEmpty()) {
      UsernamePasswordAuthenticationToken authentication =
          UsernamePasswordAuthenticationToken.authenticated(
              user.subject(), null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
      authentication.setDetails(new LoginUser(user.subject(), json(user)));
      SecurityContextHolder.getContext().setAuthentication(authentication);
    }
    chain.doFilter(request, response);
  }

  private @Nullable CallerIdentity user(HttpServletRequest request) {
    Metadata headers = new Metadata();
    for (String name : List.of("Authorization", httpAuthorizationHeader)) {
      String value = name.isEmpty() ? null : request.getHeader(name);
      if (value != null && !value.isEmpty()) {
        headers.put(TokenAuthenticator.AUTHORIZATION, value);
      }
    }
    String host = request.getHeader("Host");
    try {
      if (headers.containsKey(TokenAuthenticator.AUTHORIZATION)) {
        return tokens.authenticate(headers, host);
      }
      if (provider == null || cookies == null) {
        return null;
      }
      Map<String, String> jar = LoginCookies.of(request);
      Optional<String> idToken = cookies.idToken(jar);
      if (idToken.isEmpty()) {
        return null;
      }
      Metadata cookieHeaders = new Metadata();
      cookieHeaders.put(TokenAuthenticator.AUTHORIZATION, "IDToken " + idToken.get());
      cookies
          .userInfo(jar)
          .ifPresent(
              info ->
                  cookieHeaders.put(
                      TokenAuthenticator.USER_INFO, info.getBytes(StandardCharsets.UTF_8)));
      return tokens.authenticate(cookieHeaders, host);
    } catch (AuthenticationFailure e) {
      log.info("The authorization request's user is not authenticated: {}", e.getMessage());
      return null;
    }
  }

  private static String json(CallerIdentity user) {
    try {
      return JsonFormat.printer()
          .preservingProtoFieldNames()
          .omittingInsignificantWhitespace()
          .print(user.userInfo().toBuilder().clearAdditionalClaims());
    } catch (InvalidProtocolBufferException e) {
      return "";
    }
  }
}
