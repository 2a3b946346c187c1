package org.flyte.admin.service.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP toward identity providers, with failures that name the URL and what it answered
 * (start-up validation and login errors quote them).
 */
public final class HttpJson {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;

  public HttpJson(HttpClient client) {
    this.client = client;
  }

  /** A client that goes through {@code proxyUrl} when it is not empty. */
  public static HttpJson withProxy(String proxyUrl) {
    HttpClient.Builder builder =
        HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL);
    if (proxyUrl != null && !proxyUrl.isEmpty()) {
      URI proxy = URI.create(proxyUrl);
      builder.proxy(
          ProxySelector.of(
              new InetSocketAddress(proxy.getHost(), proxy.getPort() < 0 ? 80 : proxy.getPort())));
    }
    return new HttpJson(builder.build());
  }

  /** An HTTP answer: status and body. */
  public record Answer(int status, String body) {
    public boolean ok() {
      return status == 200;
    }
  }

  public Answer send(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * GET {@code url} and parse the JSON object it answers.
   *
   * @throws IOException naming the URL and the answer when unreachable, not 200 or not JSON
   */
  public Map<String, Object> getObject(URI url) throws IOException {
    Answer answer;
    try {
      answer =
          send(
              HttpRequest.newBuilder(url)
                  .timeout(TIMEOUT)
                  .header("Accept", "application/json")
                  .GET()
                  .build());
    } catch (IOException e) {
      throw new IOException(url + " is unreachable: " + describe(e), e);
    }
    if (!answer.ok()) {
      throw new IOException(
          url + " answered HTTP " + answer.status() + ": " + abbreviate(answer.body()));
    }
    return parse(url, answer.body());
  }

  /** The JSON object of a body. */
  public static Map<String, Object> parse(URI url, String body) throws IOException {
    try {
      return JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      throw new IOException(url + " did not answer a JSON object: " + abbreviate(body), e);
    }
  }

  static String describe(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " " + e.getMessage();
  }

  static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
  }

  /** A string member of a JSON object, or {@code ""}. */
  static String string(Map<String, Object> json, String key) {
    return json.get(key) instanceof String value ? value : "";
  }
}
