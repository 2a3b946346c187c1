package org.flyte.common.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flyte.testing.TempPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientCredentialsTokensTest {

  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);

  private String start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/token",
        exchange -> {
          requests.add(
              exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body =
              (status.get() == 200
                      ? "{\"access_token\":\"t" + requests.size() + "\",\"expires_in\":3600}"
                      : "{\"error\":\"invalid_client\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void requestsOnceKeepsTheTokenAndRequestsAgainAfterInvalidation() throws Exception {
    String url = start();
    ClientCredentialsTokens tokens =
        new ClientCredentialsTokens(
            HttpClient.newHttpClient(), Clock.systemUTC(), 0, Duration.ofSeconds(5));
    var request =
        new ClientCredentialsTokens.Request(
            url, "flyte propeller", "s&cret", List.of("all", "offline"), "aud");
    assertThat(tokens.token(request)).isEqualTo("t1");
    assertThat(tokens.token(request)).isEqualTo("t1");
    tokens.invalidate();
    assertThat(tokens.token(request)).isEqualTo("t2");
    assertThat(requests.get(0))
        .isEqualTo(
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString("flyte+propeller:s%26cret".getBytes(StandardCharsets.UTF_8))
                + " grant_type=client_credentials&scope=all+offline&audience=aud");
  }

  @Test
  void aRefusalNamesTheUrlAndTheAnswerWithoutRetryingForever() throws Exception {
    String url = start();
    status.set(401);
    ClientCredentialsTokens tokens =
        new ClientCredentialsTokens(
            HttpClient.newHttpClient(), Clock.systemUTC(), 3, Duration.ofSeconds(5));
    assertThatThrownBy(
            () -> tokens.token(new ClientCredentialsTokens.Request(url, "c", "s", List.of(), "")))
        .hasMessageContaining(url)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("invalid_client");
    assertThat(requests).hasSize(1);
  }

  @Test
  void theSecretComesFromTheVariableOrTheFile() throws Exception {
    Path file = TempPaths.file("client_secret", "");
    Files.writeString(file, " from-file\n");
    AdminAuthProperties defaults = AdminAuthProperties.defaults();
    AdminAuthProperties fromFile =
        new AdminAuthProperties(
            "ClientSecret", "c", file, "", "", List.of(), "", false, "", 0, Duration.ofSeconds(1));
    assertThat(ClientCredentialsTokens.readSecret(fromFile, Map.<String, String>of()::get))
        .isEqualTo("from-file");
    AdminAuthProperties fromVariable =
        new AdminAuthProperties(
            "ClientSecret",
            "c",
            file,
            "SECRET",
            "",
            List.of(),
            "",
            false,
            "",
            0,
            Duration.ofSeconds(1));
    assertThat(ClientCredentialsTokens.readSecret(fromVariable, Map.of("SECRET", "from-env")::get))
        .isEqualTo("from-env");
    assertThatThrownBy(
            () -> ClientCredentialsTokens.readSecret(defaults, Map.<String, String>of()::get))
        .hasMessageContaining("admin.clientSecretLocation /etc/secrets/client_secret");
    assertThatThrownBy(
            () ->
                new AdminAuthProperties(
                        "Pkce",
                        "c",
                        file,
                        "",
                        "",
                        List.of(),
                        "",
                        false,
                        "",
                        0,
                        Duration.ofSeconds(1))
                    .requireSupported())
        .hasMessageContaining("admin.authType Pkce");
  }
}
