package org.flyte.admin.service.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * FlyteAdmin's login cookies, named as Flyte names them ({@code flyteadmin/auth/cookie.go},
 * v1.16.8): {@code flyte_idt} (ID token), {@code flyte_at_1}/{@code flyte_at_2} (the access token
 * in halves), {@code flyte_rt} (refresh token), {@code flyte_user_info} (profile JSON), all
 * encrypted ({@link SecureCookieCodec}); {@code flyte_csrf_state} and {@code
 * flyte_redirect_location} in clear. HttpOnly, {@code Secure} unless {@code
 * server.security.insecureCookieHeader}, {@code SameSite} and {@code Domain} from {@code
 * auth.userAuth.cookieSetting}, {@code Path=/}.
 *
 * <p>Size: browsers drop cookies above 4096 bytes. A value whose encrypted form exceeds {@value
 * #MAX_VALUE} characters is written in chunks, {@code <name>}, {@code <name>_2}, ..., each under
 * the limit, and read back joined, so large ID tokens (Entra ID) still fit.
 */
public final class LoginCookies {

  public static final String ID_TOKEN = "flyte_idt";
  public static final String ACCESS_TOKEN = "flyte_at";
  public static final String ACCESS_TOKEN_1 = "flyte_at_1";
  public static final String ACCESS_TOKEN_2 = "flyte_at_2";
  public static final String REFRESH_TOKEN = "flyte_rt";
  public static final String USER_INFO = "flyte_user_info";
  public static final String CSRF_STATE = "flyte_csrf_state";
  public static final String REDIRECT_LOCATION = "flyte_redirect_location";

  /** The largest encrypted value written in one cookie (name and attributes fit beside it). */
  static final int MAX_VALUE = 3800;

  private static final int MAX_CHUNKS = 8;

  private final SecureCookieCodec codec;
  private final String domain;
  private final String sameSite;
  private final boolean secure;

  /**
   * @param sameSitePolicy Flyte's {@code DefaultMode} (no attribute), {@code LaxMode}, {@code
   *     StrictMode} or {@code NoneMode}
   */
  public LoginCookies(
      SecureCookieCodec codec, String domain, String sameSitePolicy, boolean secure) {
    this.codec = codec;
    this.domain = domain;
    this.sameSite =
        switch (sameSitePolicy) {
          case "LaxMode" -> "Lax";
          case "StrictMode" -> "Strict";
          case "NoneMode" -> "None";
          case "DefaultMode", "" -> null;
          default ->
              throw new IllegalStateException(
                  "auth.userAuth.cookieSetting.sameSitePolicy "
                      + sameSitePolicy
                      + " is not one of DefaultMode, LaxMode, StrictMode, NoneMode");
        };
    this.secure = secure;
  }

  /** The cookies that keep a login. */
  public List<ResponseCookie> tokens(OpenIdProvider.Tokens tokens, String userInfoJson) {
    List<ResponseCookie> cookies = new ArrayList<>();
    String access = tokens.accessToken();
    int middle = access.length() / 2;
    cookies.addAll(encrypted(ACCESS_TOKEN_1, access.substring(0, middle)));
    cookies.addAll(encrypted(ACCESS_TOKEN_2, access.substring(middle)));
    cookies.addAll(encrypted(ID_TOKEN, tokens.idToken()));
    if (!tokens.refreshToken().isEmpty()) {
      cookies.addAll(encrypted(REFRESH_TOKEN, tokens.refreshToken()));
    }
    cookies.addAll(encrypted(USER_INFO, userInfoJson));
    return cookies;
  }

  /** Expires the token cookies (not the profile, as in Flyte). */
  public List<ResponseCookie> logout() {
    List<ResponseCookie> cookies = new ArrayList<>();
    for (String name :
        List.of(ACCESS_TOKEN, ACCESS_TOKEN_1, ACCESS_TOKEN_2, REFRESH_TOKEN, ID_TOKEN)) {
      cookies.add(expired(name));
      for (int chunk = 2; chunk <= MAX_CHUNKS; chunk++) {
        cookies.add(expired(name + "_" + chunk));
      }
    }
    return cookies;
  }

  public ResponseCookie plain(String name, String value) {
    return base(name, value).sameSite("Lax").build();
  }

  public Optional<String> idToken(Map<String, String> cookies) {
    return read(cookies, ID_TOKEN);
  }

  public Optional<String> accessToken(Map<String, String> cookies) {
    Optional<String> legacy = read(cookies, ACCESS_TOKEN);
    if (legacy.isPresent()) {
      return legacy;
    }
    Optional<String> first = read(cookies, ACCESS_TOKEN_1);
    Optional<String> second = read(cookies, ACCESS_TOKEN_2);
    return first.isPresent() && second.isPresent()
        ? Optional.of(first.get() + second.get())
        : Optional.empty();
  }

  public Optional<String> refreshToken(Map<String, String> cookies) {
    return read(cookies, REFRESH_TOKEN);
  }

  public Optional<String> userInfo(Map<String, String> cookies) {
    return read(cookies, USER_INFO);
  }

  /** A request's cookies by name (the first of a name wins). */
  public static Map<String, String> of(HttpServletRequest request) {
    Map<String, String> values = new LinkedHashMap<>();
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        values.putIfAbsent(cookie.getName(), cookie.getValue());
      }
    }
    return values;
  }

  /** The cookies of {@code Cookie} header values. */
  public static Map<String, String> parse(List<String> cookieHeaders) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          String value = pair.substring(equals + 1).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          values.putIfAbsent(pair.substring(0, equals).trim(), value);
        }
      }
    }
    return values;
  }

  /** An encrypted cookie's value (its chunks joined), or empty when missing or unreadable. */
  Optional<String> read(Map<String, String> values, String name) {
    String first = values.get(name);
    if (first == null || first.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> decoded = codec.decode(name, first);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder value = new StringBuilder(decoded.get());
    for (int chunk = 2; chunk <= MAX_CHUNKS; chunk++) {
      String more = values.get(name + "_" + chunk);
      if (more == null || more.isEmpty()) {
        break;
      }
      Optional<String> part = codec.decode(name + "_" + chunk, more);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      value.append(part.get());
    }
    return value.isEmpty() ? Optional.empty() : Optional.of(value.toString());
  }

  private List<ResponseCookie> encrypted(String name, String value) {
    String whole = codec.encode(name, value);
    if (whole.length() <= MAX_VALUE) {
      return List.of(encryptedCookie(name, whole), expired(name + "_2"));
    }
    // Encrypted size is about 1.8 times the text: cut the text so each chunk fits.
    int size = MAX_VALUE * 10 / 19;
    int chunks = (value.length() + size - 1) / size;
    if (chunks > MAX_CHUNKS) {
      throw new IllegalStateException(
          "the " + name + " value (" + value.length() + " characters) is too large for cookies");
    }
    List<ResponseCookie> cookies = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      String chunkName = i == 0 ? name : name + "_" + (i + 1);
      String part = value.substring(i * size, Math.min(value.length(), (i + 1) * size));
      cookies.add(encryptedCookie(chunkName, codec.encode(chunkName, part)));
    }
    if (chunks < MAX_CHUNKS) {
      cookies.add(expired(name + "_" + (chunks + 1)));
    }
    return cookies;
  }

  private ResponseCookie encryptedCookie(String name, String value) {
    ResponseCookie.ResponseCookieBuilder builder = base(name, value);
    if (sameSite != null) {
      builder.sameSite(sameSite);
    }
    if (!domain.isEmpty()) {
      builder.domain(domain);
    }
    return builder.build();
  }

  private ResponseCookie expired(String name) {
    ResponseCookie.ResponseCookieBuilder builder = base(name, "").maxAge(0);
    if (!domain.isEmpty()) {
      builder.domain(domain);
    }
    return builder.build();
  }

  private ResponseCookie.ResponseCookieBuilder base(String name, String value) {
    return ResponseCookie.from(name, value).httpOnly(true).secure(secure).path("/");
  }
}
