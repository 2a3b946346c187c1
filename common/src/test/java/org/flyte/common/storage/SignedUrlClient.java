package org.flyte.common.storage;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/** Calls signed URLs the way a Flyte client does: plain HTTP plus the headers the URL demands. */
public final class SignedUrlClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SignedUrlClient() {}

  /** Sends {@code body} with {@code method} to the URL, with its required headers. */
  public static HttpResponse<byte[]> send(SignedUrl url, String method, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url.url())
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    url.headers().forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The name of the URL's required header that ends with {@code suffix}, ignoring case. */
  public static String header(SignedUrl url, String suffix) {
    return url.headers().keySet().stream()
        .filter(k -> k.toLowerCase(Locale.ROOT).endsWith(suffix))
        .findFirst()
        .orElse("<no header ending in " + suffix + ">");
  }
}
