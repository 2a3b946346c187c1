package org.flyte.common.auth.client;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * OAuth2 client-credentials tokens for one client: requested from the token endpoint with HTTP
 * Basic client authentication (id and secret form-encoded first, as RFC 6749 §2.3.1 and Go's oauth2
 * library do), kept until a minute before they expire, re-requested after {@link #invalidate()}.
 * Failed requests are retried {@code admin.maxRetries} times with a growing pause (1, 2, 4 s...);
 * then the failure says which URL answered what, instead of retrying forever.
 *
 * <p>Follows {@code flyteidl/clients/go/admin/token_source_provider.go} (v1.16.8).
 */
public final class ClientCredentialsTokens {

  private static final Duration EARLY_REFRESH = Duration.ofMinutes(1);

  /** A token and when to stop using it. */
  public record Token(String value, Instant refreshAfter) {}

  /** Where and what to request; {@code tokenUrl} and {@code scopes} already resolved. */
  public record Request(
      String tokenUrl, String clientId, String secret, List<String> scopes, String audience) {}

  private final HttpClient http;
  private final Clock clock;
  private final int maxRetries;
  private final Duration timeout;
  private @Nullable Token current;

  public ClientCredentialsTokens(HttpClient http, Clock clock, int maxRetries, Duration timeout) {
    this.http = http;
    this.clock = clock;
    this.maxRetries = Math.max(0, maxRetries);
    this.timeout = timeout;
  }

  /** A valid token, requesting one when there is none or it is about to expire. */
  public synchronized String token(Request request) {
    if (current == null || !clock.instant().isBefore(current.refreshAfter())) {
      current = request(request);
    }
    return current.value();
  }

  /** Forgets the token: the next {@link #token} requests a new one (e.g. after UNAUTHENTICATED). */
  public synchronized void invalidate() {
    current = null;
  }

  private Token request(Request request) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "client_credentials");
    fields.put("scope", String.join(" ", request.scopes()));
    fields.put("audience", request.audience());
    String form = form(fields);
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (encode(request.clientId()) + ":" + encode(request.secret()))
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(request.tokenUrl()))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    String lastError = "";
    for (int attempt = 0; attempt <= maxRetries; attempt++) {
      if (attempt > 0) {
        pause(Duration.ofSeconds(1L << Math.min(attempt - 1, 4)));
      }
      try {
        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return parse(response.body(), request.tokenUrl());
        }
        lastError = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
        if (response.statusCode() < 500 && response.statusCode() != 429) {
          break; // the IdP refused the client: retrying cannot help
        }
      } catch (IOException e) {
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while requesting a token", e);
      }
    }
    throw new IllegalStateException(
        "client credentials for client "
            + request.clientId()
            + " were refused by "
            + request.tokenUrl()
            + ": "
            + lastError);
  }

  private Token parse(String body, String tokenUrl) {
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body);
      String value = JSONObjectUtils.getString(json, "access_token");
      if (value == null || value.isEmpty()) {
        throw new IllegalStateException(tokenUrl + " answered without an access_token");
      }
      long expiresIn =
          json.get("expires_in") instanceof Number n
              ? n.longValue()
              : Duration.ofMinutes(5).toSeconds();
      Duration lifetime = Duration.ofSeconds(expiresIn);
      Duration early =
          lifetime.dividedBy(2).compareTo(EARLY_REFRESH) < 0
              ? lifetime.dividedBy(2)
              : EARLY_REFRESH;
      Instant refreshAfter = clock.instant().plus(lifetime).minus(early);
      return new Token(value, refreshAfter);
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(tokenUrl + " answered something that is not JSON", e);
    }
  }

  private static String form(Map<String, String> fields) {
    Map<String, String> present = new LinkedHashMap<>();
    fields.forEach(
        (key, value) -> {
          if (!value.isEmpty()) {
            present.put(key, value);
          }
        });
    return present.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while requesting a token", e);
    }
  }

  /** The client secret: the environment variable when named and set, else the file, trimmed. */
  public static String readSecret(AdminAuthProperties properties, Function<String, String> env) {
    if (!properties.clientSecretEnvVar().isEmpty()) {
      String value = env.apply(properties.clientSecretEnvVar());
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    try {
      return Files.readString(properties.clientSecretLocation()).trim();
    } catch (IOException e) {
      throw new IllegalStateException(
          "FlyteAdmin requires authentication, but the client secret cannot be read from"
              + " admin.clientSecretLocation "
              + properties.clientSecretLocation()
              + (properties.clientSecretEnvVar().isEmpty()
                  ? ""
                  : " nor from the variable admin.clientSecretEnvVar "
                      + properties.clientSecretEnvVar())
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
