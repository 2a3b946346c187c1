package org.flyte.admin.api.auth;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import flyteidl.service.Identity.UserInfoResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.config.AuthProperties;
import org.flyte.admin.service.auth.LoginCookies;
import org.flyte.admin.service.auth.OpenIdProvider;
import org.flyte.admin.service.auth.PublicUrls;
import org.flyte.common.auth.AuthenticationFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The browser login through the OpenID Connect provider, as {@code flyteadmin/auth/handlers.go}
 * (v1.16.8) serves it:
 *
 * <ul>
 *   <li>{@code /login}: with a valid login (refreshed if its ID token expired) straight to the end
 *       of the flow; otherwise a CSRF cookie, the {@code redirect_url} (relative, or toward an
 *       authorized URI, else 403) kept in a cookie, and 307 to the provider.
 *   <li>{@code /callback}: state checked against the CSRF cookie (401), code exchanged (403), an ID
 *       token required (403), the profile read (403), the login cookies written, 307 to {@code
 *       redirect_url}, the kept one, or {@code auth.userAuth.redirectUrl}.
 *   <li>{@code /logout}: the token cookies expired; 307 to {@code redirect_url} when it is allowed.
 *   <li>{@code /.well-known/openid-configuration}: 303 to the provider's.
 * </ul>
 *
 * Without a provider ({@code auth.userAuth.openId.baseUrl} unset) they answer 501 with the key to
 * set. Errors are plain text naming what failed; the log has the detail.
 */
public final class LoginEndpoints {

  private static final Logger log = LoggerFactory.getLogger(LoginEndpoints.class);
  private static final String REDIRECT_URL = "redirect_url";

  private final AuthProperties properties;
  private final PublicUrls publicUrls;
  private final @Nullable OpenIdProvider provider;
  private final @Nullable LoginCookies cookies;
  private final SecureRandom random = new SecureRandom();

  public LoginEndpoints(
      AuthProperties properties,
      PublicUrls publicUrls,
      @Nullable OpenIdProvider provider,
      @Nullable LoginCookies cookies) {
    this.properties = properties;
    this.publicUrls = publicUrls;
    this.provider = provider;
    this.cookies = cookies;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .route(request -> request.path().equals("/login"), this::login)
        .route(request -> request.path().equals("/callback"), this::callback)
        .route(request -> request.path().equals("/logout"), this::logout)
        .route(
            request -> request.path().equals("/.well-known/openid-configuration"),
            this::openIdConfiguration)
        .build();
  }

  ServerResponse login(ServerRequest request) {
    if (provider == null || cookies == null) {
      return notConfigured();
    }
    Map<String, String> jar = LoginCookies.of(request.servletRequest());
    ServerResponse existing = existingLogin(request, jar);
    if (existing != null) {
      return existing;
    }
    String redirect = request.param(REDIRECT_URL).orElse("");
    if (!publicUrls.redirectAllowed(redirect)) {
      return text(
          HttpStatus.FORBIDDEN,
          "redirect_url " + redirect + " is not relative and not under auth.authorizedUris");
    }
    byte[] csrfBytes = new byte[32];
    random.nextBytes(csrfBytes);
    String csrf = Base64.getUrlEncoder().encodeToString(csrfBytes);
    Map<String, String> extra = new LinkedHashMap<>();
    String idpParameter = properties.userAuth().idpQueryParameter();
    if (!idpParameter.isEmpty()) {
      request
          .param(idpParameter)
          .filter(v -> !v.isEmpty())
          .ifPresent(v -> extra.put(idpParameter, v));
    }
    URI target = provider.authorizationUrl(callbackUrl(request), hash(csrf), extra);
    ServerResponse.BodyBuilder response =
        ServerResponse.status(HttpStatus.TEMPORARY_REDIRECT)
            .location(target)
            .header(
                HttpHeaders.SET_COOKIE, cookies.plain(LoginCookies.CSRF_STATE, csrf).toString());
    if (!redirect.isEmpty()) {
      response.header(
          HttpHeaders.SET_COOKIE,
          cookies.plain(LoginCookies.REDIRECT_LOCATION, redirect).toString());
    }
    return response.build();
  }

  private @Nullable ServerResponse existingLogin(ServerRequest request, Map<String, String> jar) {
    Optional<String> idToken = cookies.idToken(jar);
    if (idToken.isEmpty() || cookies.accessToken(jar).isEmpty()) {
      return null;
    }
    try {
      provider.verifyIdToken(idToken.get(), null);
      return redirect(flowEnd(request, jar), List.of());
    } catch (AuthenticationFailure e) {
      Optional<String> refresh = cookies.refreshToken(jar);
      if (e.reason() != AuthenticationFailure.Reason.EXPIRED || refresh.isEmpty()) {
        return null;
      }
      try {
        OpenIdProvider.Tokens tokens = provider.refresh(refresh.get());
        if (tokens.idToken().isEmpty()) {
          return null;
        }
        String profile = profileJson(provider.userInfo(tokens.accessToken()));
        return redirect(flowEnd(request, jar), cookies.tokens(tokens, profile));
      } catch (IOException refreshFailed) {
        log.info("Refreshing the login failed, logging in again: {}", refreshFailed.getMessage());
        return null;
      }
    }
  }

  ServerResponse callback(ServerRequest request) {
    if (provider == null || cookies == null) {
      return notConfigured();
    }
    Map<String, String> jar = LoginCookies.of(request.servletRequest());
    String state = request.param("state").orElse("");
    String csrf = jar.get(LoginCookies.CSRF_STATE);
    if (state.isEmpty() || csrf == null || !hash(csrf).equals(state)) {
      return text(HttpStatus.UNAUTHORIZED, "the login's state does not match its CSRF cookie");
    }
    OpenIdProvider.Tokens tokens;
    try {
      tokens = provider.exchange(request.param("code").orElse(""), callbackUrl(request));
    } catch (IOException e) {
      log.warn("Exchanging the login code failed: {}", e.getMessage());
      return text(HttpStatus.FORBIDDEN, "exchanging the login code failed: " + e.getMessage());
    }
    if (tokens.idToken().isEmpty()) {
      return text(HttpStatus.FORBIDDEN, "the OpenID provider answered without an id_token");
    }
    String profile;
    try {
      profile = profileJson(provider.userInfo(tokens.accessToken()));
    } catch (IOException e) {
      log.warn("Reading the user's profile failed: {}", e.getMessage());
      return text(HttpStatus.FORBIDDEN, "reading the user's profile failed: " + e.getMessage());
    }
    return redirect(flowEnd(request, jar), cookies.tokens(tokens, profile));
  }

  ServerResponse logout(ServerRequest request) {
    if (cookies == null) {
      return notConfigured();
    }
    String redirect = request.param(REDIRECT_URL).orElse("");
    if (!redirect.isEmpty() && publicUrls.redirectAllowed(redirect)) {
      return redirect(redirect, cookies.logout());
    }
    ServerResponse.BodyBuilder response = ServerResponse.ok();
    cookies.logout().forEach(c -> response.header(HttpHeaders.SET_COOKIE, c.toString()));
    return response.build();
  }

  ServerResponse openIdConfiguration(ServerRequest request) {
    if (provider == null) {
      return notConfigured();
    }
    return ServerResponse.status(HttpStatus.SEE_OTHER).location(provider.discoveryUrl()).build();
  }

  private String callbackUrl(ServerRequest request) {
    String publicUrl = publicUrls.forRequest(null, request.headers().firstHeader(HttpHeaders.HOST));
    return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
        + "/callback";
  }

  private String flowEnd(ServerRequest request, Map<String, String> jar) {
    String query = request.param(REDIRECT_URL).orElse("");
    if (!query.isEmpty() && publicUrls.redirectAllowed(query)) {
      return query;
    }
    String kept = jar.get(LoginCookies.REDIRECT_LOCATION);
    if (kept != null && !kept.isEmpty() && publicUrls.redirectAllowed(kept)) {
      return kept;
    }
    return properties.userAuth().redirectUrl();
  }

  private static ServerResponse redirect(String location, List<ResponseCookie> cookies) {
    ServerResponse.BodyBuilder response =
        ServerResponse.status(HttpStatus.TEMPORARY_REDIRECT).header(HttpHeaders.LOCATION, location);
    cookies.forEach(cookie -> response.header(HttpHeaders.SET_COOKIE, cookie.toString()));
    return response.build();
  }

  private static String profileJson(UserInfoResponse profile) {
    try {
      return JsonFormat.printer()
          .preservingProtoFieldNames()
          .omittingInsignificantWhitespace()
          .print(profile);
    } catch (InvalidProtocolBufferException e) {
      return "{}";
    }
  }

  /** {@code hex(SHA-256(csrf))}, the OAuth2 state of a login ({@code HashCsrfState}). */
  static String hash(String csrf) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(csrf.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ServerResponse notConfigured() {
    return text(
        HttpStatus.NOT_IMPLEMENTED,
        "browser login is not configured: set auth.userAuth.openId.baseUrl, clientId and the"
            + " oidc_client_secret secret (docs/authentication.md)");
  }

  private static ServerResponse text(HttpStatus status, String message) {
    return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
  }
}
