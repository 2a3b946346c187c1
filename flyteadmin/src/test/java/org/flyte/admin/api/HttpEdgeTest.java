package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.flyte.admin.AdminAppTest;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.ContentDigests;
import org.flyte.common.storage.DataReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * FlyteAdmin's HTTP edge as hostile or unusual clients meet it: wildcard and form content types,
 * lenient JSON, oversized bodies, CORS preflights asking for the headers browsers add, and error
 * answers on a kept-alive connection.
 */
class HttpEdgeTest extends AdminAppTest {

  @Autowired private BlobStore store;

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private String newProject() {
    String id = "edge-" + UUID.randomUUID().toString().substring(0, 8);
    AdminServiceGrpc.newBlockingStub(channel)
        .registerProject(
            ProjectRegisterRequest.newBuilder()
                .setProject(Project.newBuilder().setId(id).setName(id))
                .build());
    return id;
  }

  private boolean projectExists(String id) {
    try {
      AdminServiceGrpc.newBlockingStub(channel)
          .getProject(ProjectGetRequest.newBuilder().setId(id).build());
      return true;
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      return false;
    }
  }

  private CreateUploadLocationResponse uploadLocation(byte[] data) {
    return DataProxyServiceGrpc.newBlockingStub(channel)
        .createUploadLocation(
            CreateUploadLocationRequest.newBuilder()
                .setProject(newProject())
                .setDomain("development")
                .setContentMd5(
                    ByteString.copyFrom(Base64.getDecoder().decode(ContentDigests.base64Md5(data))))
                .build());
  }

  private HttpResponse<byte[]> put(String url, String contentType, byte[] data) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .header("Content-MD5", ContentDigests.base64Md5(data))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(data))
            .build());
  }

  @Test
  void wildcardContentTypesAreServedAsTheDefaultEncoding() throws Exception {
    for (String wildcard : List.of("*/*", "application/*", "*/*; charset=utf-8")) {
      HttpRequest.Builder get =
          HttpRequest.newBuilder(http("/api/v1/projects")).header("Content-Type", wildcard);
      assertThat(send(get.build()).statusCode()).as(wildcard).isEqualTo(200);
      for (String path : List.of("/healthcheck", "/actuator/health", "/actuator/prometheus")) {
        assertThat(
                send(HttpRequest.newBuilder(http(path)).header("Content-Type", wildcard).build())
                    .statusCode())
            .as(path + " with " + wildcard)
            .isEqualTo(200);
      }
      String id = "wild-" + UUID.randomUUID().toString().substring(0, 8);
      HttpResponse<byte[]> register =
          send(
              HttpRequest.newBuilder(http("/api/v1/projects"))
                  .header("Content-Type", wildcard)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"project\":{\"id\":\"" + id + "\",\"name\":\"wild\"}}"))
                  .build());
      assertThat(register.statusCode()).as(text(register)).isEqualTo(200);
      assertThat(projectExists(id)).isTrue();

      byte[] data = ("uploaded with " + wildcard).getBytes(StandardCharsets.UTF_8);
      CreateUploadLocationResponse location = uploadLocation(data);
      HttpResponse<byte[]> upload = put(location.getSignedUrl(), wildcard, data);
      assertThat(upload.statusCode()).as(text(upload)).isEqualTo(200);
      assertThat(store.read(DataReference.parse(location.getNativeUrl()))).isEqualTo(data);
    }
  }

  @Test
  void formEncodedUploadsAreStoredAsTheRawBytes() throws Exception {
    byte[] data = "a=1&b=%ZZ&c&=&d=x+y\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    CreateUploadLocationResponse location = uploadLocation(data);

    HttpResponse<byte[]> upload =
        put(location.getSignedUrl(), "application/x-www-form-urlencoded", data);

    assertThat(upload.statusCode()).as(text(upload)).isEqualTo(200);
    assertThat(upload.headers().firstValue("ETag"))
        .hasValue("\"" + ContentDigests.hexMd5(data) + "\"");
    assertThat(store.read(DataReference.parse(location.getNativeUrl()))).isEqualTo(data);
  }

  @Test
  void uploadsLargerThanAnyRestBodyStreamThroughAndNeedALength() throws Exception {
    byte[] data = new byte[12 * 1024 * 1024];
    new Random(7).nextBytes(data);
    CreateUploadLocationResponse location = uploadLocation(data);

    HttpResponse<byte[]> chunked =
        send(
            HttpRequest.newBuilder(URI.create(location.getSignedUrl()))
                .header("Content-MD5", ContentDigests.base64Md5(data))
                .PUT(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(data)))
                .build());
    assertThat(chunked.statusCode()).isEqualTo(411);
    assertThat(text(chunked)).contains("MissingContentLength");

    HttpResponse<byte[]> upload = put(location.getSignedUrl(), "application/octet-stream", data);
    assertThat(upload.statusCode()).as(text(upload)).isEqualTo(200);
    assertThat(store.head(DataReference.parse(location.getNativeUrl())).orElseThrow())
        .satisfies(
            head -> {
              assertThat(head.size()).isEqualTo(data.length);
              assertThat(head.etag()).isEqualTo(ContentDigests.hexMd5(data));
            });
  }

  @Test
  void lenientJsonIsRefusedAndChangesNothing() throws Exception {
    String numeric = Long.toString(System.nanoTime());
    String dupA = "dup-a-" + UUID.randomUUID().toString().substring(0, 8);
    String dupB = "dup-b-" + UUID.randomUUID().toString().substring(0, 8);
    ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
    String utf8Id = "utf-" + UUID.randomUUID().toString().substring(0, 8);
    invalidUtf8.writeBytes(
        ("{\"project\":{\"id\":\"" + utf8Id + "\",\"name\":\"x").getBytes(StandardCharsets.UTF_8));
    invalidUtf8.write(0xFF);
    invalidUtf8.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));

    List<HttpResponse<byte[]>> answers = new ArrayList<>();
    for (byte[] body :
        List.of(
            ("{\"project\":{\"id\":" + numeric + ",\"name\":[\"a\"]}}")
                .getBytes(StandardCharsets.UTF_8),
            ("{\"project\":{\"id\":\"" + dupA + "\",\"name\":\"n\",\"id\":\"" + dupB + "\"}}")
                .getBytes(StandardCharsets.UTF_8),
            invalidUtf8.toByteArray())) {
      answers.add(
          send(
              HttpRequest.newBuilder(http("/api/v1/projects"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build()));
    }

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(400));
    assertThat(text(answers.get(0)))
        .contains("\"code\":3")
        .contains("invalid value for string field id: " + numeric);
    assertThat(text(answers.get(1))).contains("duplicate field \\\"id\\\"");
    assertThat(text(answers.get(2))).contains("invalid UTF-8 in string");
    assertThat(List.of(numeric, dupA, dupB, utf8Id)).noneMatch(this::projectExists);
  }

  @Test
  void restBodiesAboveTheLimitAre413WithAStatusBodyBeforeTheyAreRead() throws Exception {
    int port = Integer.parseInt(environment.getProperty("local.server.port"));
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      // Only the head is sent: the answer must come without the 5 MiB the head announces.
      socket
          .getOutputStream()
          .write(
              ("POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Content-Length: "
                      + 5 * 1024 * 1024
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));

      RawResponse answer = RawResponse.read(socket.getInputStream());

      assertThat(answer.status()).isEqualTo(413);
      assertThat(new String(answer.body(), StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"code\":8,\"message\":\"the request body exceeds the limit of 4194304 bytes"
                  + " (flyte.server.rest.maxBodySize)\",\"details\":[]}");
    }
  }

  @Test
  void pathsTheServerRefusesItselfAnswerAStatusBody() throws Exception {
    HttpResponse<byte[]> answer =
        send(HttpRequest.newBuilder(http("/api/v1/tasks/p/d/a%00b/v")).build());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(text(answer)).startsWith("{\"code\":3,\"message\":").endsWith(",\"details\":[]}");
  }

  @Test
  void corsPreflightsMayAskForTheHeadersBrowsersAdd() throws Exception {
    for (String header : List.of("accept", "Accept-Language", "content-language", "origin")) {
      HttpResponse<byte[]> preflight =
          send(
              HttpRequest.newBuilder(http("/api/v1/projects"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "http://console.example")
                  .header("Access-Control-Request-Method", "GET")
                  .header("Access-Control-Request-Headers", header + ",flyte-authorization")
                  .build());

      assertThat(preflight.statusCode()).as(header + ": " + text(preflight)).isEqualTo(200);
      assertThat(
              preflight
                  .headers()
                  .firstValue("Access-Control-Allow-Headers")
                  .orElse("")
                  .toLowerCase(Locale.ROOT))
          .contains(header.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void errorAnswersKeepTheConnectionAlive() throws Exception {
    int port = Integer.parseInt(environment.getProperty("local.server.port"));
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String badJson = "{\"project\":{\"id\":1}}";

      List<String> exchanges =
          List.of(
              "POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + badJson.length()
                  + "\r\n\r\n"
                  + badJson,
              "GET /me HTTP/1.1\r\nHost: x\r\n\r\n",
              "GET /api/v1/nothing/here HTTP/1.1\r\nHost: x\r\n\r\n",
              "GET /api/v1/projects HTTP/1.1\r\nHost: x\r\nContent-Type: */*\r\n\r\n",
              "GET /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\n");
      List<Integer> statuses = new ArrayList<>();
      for (String exchange : exchanges) {
        out.write(exchange.getBytes(StandardCharsets.UTF_8));
        out.flush();
        RawResponse response = RawResponse.read(in);
        assertThat(response.head().toLowerCase(Locale.ROOT))
            .as(response.head())
            .doesNotContain("connection: close");
        statuses.add(response.status());
      }

      assertThat(statuses).containsExactly(400, 501, 404, 200, 200);
    }
  }

  /** One HTTP/1.1 answer read off a socket: its status line and headers, and its body. */
  private record RawResponse(int status, String head, byte[] body) {

    static RawResponse read(InputStream in) throws Exception {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IllegalStateException("the server closed the connection");
        }
        head.write(b);
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : text.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
        }
      }
      assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("transfer-encoding: chunked");
      return new RawResponse(Integer.parseInt(text.substring(9, 12)), text, in.readNBytes(length));
    }
  }
}
