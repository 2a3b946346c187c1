package org.flyte.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The sandbox's S3 endpoint: plain files under the storage directory, Flyte's demo credentials. */
class SandboxStorageTest {

  @TempDir Path dir;

  private static S3Client client(URI endpoint, String secret) {
    return S3Client.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(SandboxStorage.ACCESS_KEY, secret)))
        .build();
  }

  @Test
  void servesTheBucketAsPlainFilesThatOutliveARestart() throws Exception {
    Path storage = dir.resolve("storage");
    try (SandboxStorage s3 = SandboxStorage.start(storage, 0);
        S3Client client = client(s3.endpoint(), SandboxStorage.SECRET_KEY)) {
      assertThat(s3.port()).isPositive();
      client.putObject(
          b -> b.bucket(SandboxStorage.BUCKET).key("metadata/a/inputs.pb"),
          RequestBody.fromString("inputs"));
      assertThat(storage.resolve("my-s3-bucket/metadata/a/inputs.pb")).hasContent("inputs");
    }
    Files.writeString(storage.resolve("my-s3-bucket/metadata/a/outputs.pb"), "written as a file");

    try (SandboxStorage s3 = SandboxStorage.start(storage, 0);
        S3Client client = client(s3.endpoint(), SandboxStorage.SECRET_KEY)) {
      assertThat(
              client
                  .getObjectAsBytes(
                      b -> b.bucket(SandboxStorage.BUCKET).key("metadata/a/inputs.pb"))
                  .asUtf8String())
          .isEqualTo("inputs");
      assertThat(
              client
                  .getObjectAsBytes(
                      b -> b.bucket(SandboxStorage.BUCKET).key("metadata/a/outputs.pb"))
                  .asUtf8String())
          .isEqualTo("written as a file");
    }
  }

  @Test
  void refusesWrongCredentials() {
    try (SandboxStorage s3 = SandboxStorage.start(dir, 0);
        S3Client client = client(s3.endpoint(), "not-the-secret")) {
      assertThatThrownBy(
              () ->
                  client.putObject(
                      b -> b.bucket(SandboxStorage.BUCKET).key("x"), RequestBody.fromString("x")))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
    assertThat(dir.resolve("my-s3-bucket/x")).doesNotExist();
  }

  /** The upload flytekit makes with a DataProxy URL: a signed PUT carrying its Content-MD5. */
  @Test
  void acceptsAPresignedUploadWithItsContentMd5AndRefusesOtherContent() throws Exception {
    byte[] body = "fast registration archive".getBytes(StandardCharsets.UTF_8);
    String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
    try (SandboxStorage s3 = SandboxStorage.start(dir, 0);
        S3Presigner presigner =
            S3Presigner.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(s3.endpoint())
                .serviceConfiguration(
                    S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(
                            SandboxStorage.ACCESS_KEY, SandboxStorage.SECRET_KEY)))
                .build()) {
      URI url =
          presigner
              .presignPutObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .putObjectRequest(
                              o ->
                                  o.bucket(SandboxStorage.BUCKET)
                                      .key("flytesnacks/development/abc/fast.tar.gz")
                                      .contentMD5(md5)))
              .url()
              .toURI();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> other =
          http.send(
              HttpRequest.newBuilder(url)
                  .header("Content-MD5", md5)
                  .PUT(HttpRequest.BodyPublishers.ofString("something else"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).isEqualTo(400);
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(url)
                  .header("Content-MD5", md5)
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }
    assertThat(dir.resolve("my-s3-bucket/flytesnacks/development/abc/fast.tar.gz"))
        .hasBinaryContent(body);
  }

  /** FlyteConsole opens task logs by plain URL: reads need no credentials, writes do. */
  @Test
  void anyoneMayReadNobodyMayWriteWithoutCredentials() throws Exception {
    try (SandboxStorage s3 = SandboxStorage.start(dir, 0);
        S3Client client = client(s3.endpoint(), SandboxStorage.SECRET_KEY)) {
      client.putObject(
          b -> b.bucket(SandboxStorage.BUCKET).key("metadata/x/stderr.log"),
          RequestBody.fromString("Traceback"));
      HttpClient http = HttpClient.newHttpClient();
      URI log = URI.create(s3.endpoint() + "/my-s3-bucket/metadata/x/stderr.log");
      HttpResponse<String> get =
          http.send(HttpRequest.newBuilder(log).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo("Traceback");
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(log).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).isEqualTo(403);
    }
    assertThat(dir.resolve("my-s3-bucket/metadata/x/stderr.log")).hasContent("Traceback");
  }

  @Test
  void aTakenPortIsAClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(() -> SandboxStorage.start(dir, taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("S3 endpoint on port " + taken.getLocalPort());
    }
  }
}
