package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.util.JsonFormat;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.Dataproxy.CreateDownloadLocationRequest;
import flyteidl.service.Dataproxy.CreateDownloadLocationResponse;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.flyte.admin.AdminAppTest;
import org.flyte.admin.service.dataproxy.LocalUrlSigner;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.ContentDigests;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrl;
import org.flyte.common.storage.SignedUrlRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DataProxyService over gRPC and REST, and the signed URLs FlyteAdmin serves itself for the
 * in-memory store of the test app: uploads as flytekit sends them, downloads, and every rejection.
 */
@SuppressWarnings("deprecation")
class DataProxyTest extends AdminAppTest {

  @Autowired private BlobStore store;
  @Autowired private LocalUrlSigner signer;
  @Autowired private org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private DataProxyServiceGrpc.DataProxyServiceBlockingStub dataProxy;
  private String project;

  @BeforeEach
  void stub() {
    dataProxy = DataProxyServiceGrpc.newBlockingStub(channel);
    project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    jdbc.sql(
            "INSERT INTO projects (identifier, name, description, state, created_at, updated_at)"
                + " VALUES (:id, :id, '', 0, now(), now())")
        .param("id", project)
        .update();
  }

  private static byte[] md5(byte[] data) {
    return Base64.getDecoder().decode(ContentDigests.base64Md5(data));
  }

  private CreateUploadLocationRequest.Builder upload() {
    return CreateUploadLocationRequest.newBuilder().setProject(project).setDomain("development");
  }

  private HttpResponse<byte[]> put(String url, byte[] body, String contentMd5) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentMd5 != null) {
      request.header("Content-MD5", contentMd5);
    }
    return send(request.build());
  }

  private HttpResponse<byte[]> get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static void assertStatus(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(code);
              assertThat(e.getStatus().getDescription()).isEqualTo(message);
            });
  }

  @Test
  void uploadLocationFromAnMd5IsAtItsBase32UnderTheProjectAndAPutThereStoresTheBytes()
      throws Exception {
    byte[] data = "hello, flyte".getBytes(StandardCharsets.UTF_8);
    String base64Md5 = ContentDigests.base64Md5(data);
    Instant before = Instant.now();

    CreateUploadLocationResponse location =
        dataProxy.createUploadLocation(
            upload().setContentMd5(ByteString.copyFrom(md5(data))).build());

    String base32 = com.google.common.io.BaseEncoding.base32().encode(md5(data));
    assertThat(base32).endsWith("======");
    assertThat(location.getNativeUrl())
        .matches(
            "mem://flyte/"
                + project
                + "/development/"
                + base32
                + "/[bcdfghjklmnpqrstvwxz2456789]{20}");
    assertThat(location.getSignedUrl()).startsWith(http(LocalUrlSigner.PATH).toString());
    assertThat(location.getHeadersMap())
        .containsExactly(java.util.Map.entry("Content-MD5", base64Md5));
    assertThat(location.getExpiresAt().getSeconds())
        .isBetween(before.getEpochSecond() + 3600, Instant.now().getEpochSecond() + 3600);

    // as flytekit sends it: Content-MD5 (and Content-Length) plus the returned headers
    HttpResponse<byte[]> put = put(location.getSignedUrl(), data, base64Md5);

    assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
    assertThat(put.headers().firstValue("ETag"))
        .hasValue("\"" + ContentDigests.hexMd5(data) + "\"");
    DataReference stored = DataReference.parse(location.getNativeUrl());
    assertThat(store.read(stored)).isEqualTo(data);
    assertThat(store.head(stored).orElseThrow().contentMd5()).isEmpty();
  }

  @Test
  void addContentMd5MetadataRecordsTheMd5AsFlyteContentMd5() throws Exception {
    byte[] data = "with metadata".getBytes(StandardCharsets.UTF_8);
    CreateUploadLocationResponse location =
        dataProxy.createUploadLocation(
            upload()
                .setOrg("acme")
                .setFilenameRoot("root")
                .setFilename("file.tar.gz")
                .setContentMd5(ByteString.copyFrom(md5(data)))
                .setAddContentMd5Metadata(true)
                .build());

    assertThat(location.getNativeUrl())
        .isEqualTo("mem://flyte/acme/" + project + "/development/root/file.tar.gz");
    assertThat(put(location.getSignedUrl(), data, ContentDigests.base64Md5(data)).statusCode())
        .isEqualTo(200);
    BlobMetadata head = store.head(DataReference.parse(location.getNativeUrl())).orElseThrow();
    assertThat(head.contentMd5()).hasValue(ContentDigests.base64Md5(data));
  }

  @Test
  void withoutAnMd5TheUrlTakesAnyBodyAndChecksAContentMd5HeaderIfSent() throws Exception {
    byte[] data = "no md5".getBytes(StandardCharsets.UTF_8);
    CreateUploadLocationResponse location =
        dataProxy.createUploadLocation(upload().setFilenameRoot("fast").build());

    assertThat(location.getNativeUrl())
        .matches("mem://flyte/" + project + "/development/fast/\\w{20}");
    assertThat(location.getHeadersMap()).isEmpty();
    assertThat(
            put(location.getSignedUrl(), data, ContentDigests.base64Md5("x".getBytes()))
                .statusCode())
        .isEqualTo(400);
    assertThat(put(location.getSignedUrl(), data, null).statusCode()).isEqualTo(200);
    assertThat(store.read(DataReference.parse(location.getNativeUrl()))).isEqualTo(data);
  }

  @Test
  void aDeterministicPathThatExistsNeedsTheMatchingMd5() throws Exception {
    byte[] data = "first".getBytes(StandardCharsets.UTF_8);
    byte[] other = "second".getBytes(StandardCharsets.UTF_8);
    CreateUploadLocationRequest.Builder fixed =
        upload().setFilenameRoot("fixed").setFilename("script.py");
    CreateUploadLocationResponse first =
        dataProxy.createUploadLocation(fixed.setContentMd5(ByteString.copyFrom(md5(data))).build());
    assertThat(put(first.getSignedUrl(), data, ContentDigests.base64Md5(data)).statusCode())
        .isEqualTo(200);
    String exists =
        "file already exists at location [mem://flyte/"
            + project
            + "/development/fixed/script.py], specify a matching hash if you wish to rewrite";

    assertStatus(
        () -> dataProxy.createUploadLocation(fixed.clearContentMd5().build()),
        Status.Code.ALREADY_EXISTS,
        exists);
    assertStatus(
        () ->
            dataProxy.createUploadLocation(
                fixed.setContentMd5(ByteString.copyFrom(md5(other))).build()),
        Status.Code.ALREADY_EXISTS,
        exists);
    // no recorded MD5: the ETag (hex MD5) decides
    CreateUploadLocationResponse again =
        dataProxy.createUploadLocation(fixed.setContentMd5(ByteString.copyFrom(md5(data))).build());
    assertThat(again.getNativeUrl()).isEqualTo(first.getNativeUrl());

    // a recorded MD5 decides when present
    CreateUploadLocationResponse recorded =
        dataProxy.createUploadLocation(
            upload()
                .setFilenameRoot("fixed")
                .setFilename("meta.py")
                .setContentMd5(ByteString.copyFrom(md5(other)))
                .setAddContentMd5Metadata(true)
                .build());
    assertThat(put(recorded.getSignedUrl(), other, ContentDigests.base64Md5(other)).statusCode())
        .isEqualTo(200);
    assertThat(
            dataProxy
                .createUploadLocation(
                    upload()
                        .setFilenameRoot("fixed")
                        .setFilename("meta.py")
                        .setContentMd5(ByteString.copyFrom(md5(other)))
                        .build())
                .getNativeUrl())
        .endsWith("/fixed/meta.py");
    assertStatus(
        () ->
            dataProxy.createUploadLocation(
                upload()
                    .setFilenameRoot("fixed")
                    .setFilename("meta.py")
                    .setContentMd5(ByteString.copyFrom(md5(data)))
                    .build()),
        Status.Code.ALREADY_EXISTS,
        exists.replace("script.py", "meta.py"));
  }

  @Test
  void uploadValidationAnswersFlytesCodesAndMessagesInOrder() {
    ByteString md5 = ByteString.copyFrom(md5(new byte[] {1}));
    assertStatus(
        () -> dataProxy.createUploadLocation(upload().clearProject().setContentMd5(md5).build()),
        Status.Code.INVALID_ARGUMENT,
        "project and domain are required parameters");
    assertStatus(
        () -> dataProxy.createUploadLocation(upload().clearDomain().setContentMd5(md5).build()),
        Status.Code.INVALID_ARGUMENT,
        "project and domain are required parameters");
    assertStatus(
        () -> dataProxy.createUploadLocation(upload().setFilename("f").build()),
        Status.Code.INVALID_ARGUMENT,
        "content_md5 or filename_root is a required parameter");
    assertStatus(
        () ->
            dataProxy.createUploadLocation(
                upload()
                    .setContentMd5(md5)
                    .setExpiresIn(Duration.newBuilder().setSeconds(7200))
                    .build()),
        Status.Code.INVALID_ARGUMENT,
        "expiresIn [2h0m0s] cannot exceed max allowed expiration [1h0m0s]");
    assertStatus(
        () ->
            dataProxy.createUploadLocation(
                upload()
                    .setContentMd5(md5)
                    .setExpiresIn(Duration.newBuilder().setSeconds(1).setNanos(-5))
                    .build()),
        Status.Code.INVALID_ARGUMENT,
        "expiresIn [seconds:1 nanos:-5] is invalid");
    assertStatus(
        () ->
            dataProxy.createUploadLocation(
                upload()
                    .setContentMd5(md5)
                    .setExpiresIn(Duration.newBuilder().setSeconds(-1))
                    .build()),
        Status.Code.INVALID_ARGUMENT,
        "expiresIn [-1s] must be positive and cannot exceed max allowed expiration [1h0m0s]");
    assertStatus(
        () ->
            dataProxy.createUploadLocation(
                upload().setFilenameRoot("root").setAddContentMd5Metadata(true).build()),
        Status.Code.INVALID_ARGUMENT,
        "failed to create a signed url, Error: a content MD5 is required to add it as"
            + " flytecontentmd5 metadata");
    assertStatus(
        () ->
            dataProxy.createUploadLocation(
                upload().setFilenameRoot("root").setFilename("../../../elsewhere").build()),
        Status.Code.INVALID_ARGUMENT,
        "filename_root [root] and filename [../../../elsewhere] must name a file below [mem://flyte/"
            + project
            + "/development]");
  }

  @Test
  void aShorterExpiryIsSignedAndReported() throws Exception {
    Instant before = Instant.now();
    CreateUploadLocationResponse location =
        dataProxy.createUploadLocation(
            upload()
                .setFilenameRoot("short")
                .setExpiresIn(Duration.newBuilder().setSeconds(60))
                .build());
    assertThat(location.getExpiresAt().getSeconds())
        .isBetween(before.getEpochSecond() + 60, Instant.now().getEpochSecond() + 60);
    assertThat(location.getSignedUrl()).contains("expires=" + location.getExpiresAt().getSeconds());
  }

  @Test
  void signedUrlsRejectExpiryTamperingAndTheWrongContentMd5() throws Exception {
    byte[] data = "guarded".getBytes(StandardCharsets.UTF_8);
    String md5 = ContentDigests.base64Md5(data);
    CreateUploadLocationResponse location =
        dataProxy.createUploadLocation(
            upload()
                .setFilenameRoot("guard")
                .setContentMd5(ByteString.copyFrom(md5(data)))
                .build());
    String url = location.getSignedUrl();

    HttpResponse<byte[]> tampered = put(url.replaceFirst("signature=.", "signature=A"), data, md5);
    if (url.contains("signature=A")) {
      tampered = put(url.replaceFirst("signature=.", "signature=B"), data, md5);
    }
    assertThat(tampered.statusCode()).isEqualTo(403);
    assertThat(text(tampered)).contains("the signature does not match the request");
    // Answered before its body was read: the connection closes, and the answer says so, so that
    // the client does not send its next request on it.
    assertThat(tampered.headers().firstValue("connection")).contains("close");

    HttpResponse<byte[]> otherKey = put(url.replace("/guard/", "/other/"), data, md5);
    assertThat(otherKey.statusCode()).isEqualTo(403);

    HttpResponse<byte[]> later =
        put(
            url.replaceFirst("expires=\\d+", "expires=" + (Instant.now().getEpochSecond() + 7200)),
            data,
            md5);
    assertThat(later.statusCode()).isEqualTo(403);

    HttpResponse<byte[]> getOnPut = get(url);
    assertThat(getOnPut.statusCode()).isEqualTo(403);

    HttpResponse<byte[]> unsigned = put(url.substring(0, url.indexOf('?')), data, md5);
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(text(unsigned)).contains("expires and signature are required");

    String otherMd5 = ContentDigests.base64Md5("other".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> wrongHeader = put(url, "other".getBytes(StandardCharsets.UTF_8), otherMd5);
    assertThat(wrongHeader.statusCode()).isEqualTo(403);
    assertThat(text(wrongHeader))
        .contains(
            "the Content-MD5 header ["
                + otherMd5
                + "] does not match the signed Content-MD5 ["
                + md5
                + "]");

    HttpResponse<byte[]> noHeader = put(url, data, null);
    assertThat(noHeader.statusCode()).isEqualTo(403);

    HttpResponse<byte[]> wrongBody =
        put(url, "not the signed bytes".getBytes(StandardCharsets.UTF_8), md5);
    assertThat(wrongBody.statusCode()).isEqualTo(400);
    assertThat(text(wrongBody)).contains("BadDigest");

    assertThat(store.head(DataReference.parse(location.getNativeUrl()))).isEmpty();

    SignedUrl expired =
        signer.sign(
            DataReference.parse(location.getNativeUrl()),
            SignedUrlRequest.put(java.time.Duration.ofHours(1), md5, false),
            Instant.now().minusSeconds(7200));
    HttpResponse<byte[]> late = put(expired.url().toString(), data, md5);
    assertThat(late.statusCode()).isEqualTo(403);
    assertThat(text(late)).contains("the signed URL expired at");
    assertThat(store.head(DataReference.parse(location.getNativeUrl()))).isEmpty();

    assertThat(put(url, data, md5).statusCode()).isEqualTo(200);
  }

  @Test
  void downloadLocationSignsAGetThatReturnsTheBytes() throws Exception {
    byte[] data = "download me".getBytes(StandardCharsets.UTF_8);
    DataReference object =
        store.baseContainer().resolve(project, "development", "dl", "object.bin");
    store.write(object, data);

    CreateDownloadLocationResponse location =
        dataProxy.createDownloadLocation(
            CreateDownloadLocationRequest.newBuilder()
                .setNativeUrl(object.toString())
                .setExpiresIn(Duration.newBuilder().setSeconds(600))
                .build());

    HttpResponse<byte[]> download = get(location.getSignedUrl());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(data);
    assertThat(location.getExpiresAt().getSeconds())
        .isBetween(Instant.now().getEpochSecond() + 590, Instant.now().getEpochSecond() + 600);
    assertThat(put(location.getSignedUrl(), data, null).statusCode()).isEqualTo(403);

    DataReference missing = object.resolve("..", "missing.bin");
    HttpResponse<byte[]> notFound =
        get(
            dataProxy
                .createDownloadLocation(
                    CreateDownloadLocationRequest.newBuilder()
                        .setNativeUrl(missing.toString())
                        .build())
                .getSignedUrl());
    assertThat(notFound.statusCode()).isEqualTo(404);
  }

  @Test
  void downloadValidationAnswersFlytesMessages() {
    CreateDownloadLocationRequest.Builder request =
        CreateDownloadLocationRequest.newBuilder().setNativeUrl("mem://flyte/a/b");
    assertStatus(
        () ->
            dataProxy.createDownloadLocation(
                request.setExpiresIn(Duration.newBuilder().setSeconds(-5)).build()),
        Status.Code.INVALID_ARGUMENT,
        "error while validating request: expiresIn is invalid. Error: input duration [-5s] should"
            + " not less than 0");
    assertStatus(
        () ->
            dataProxy.createDownloadLocation(
                request.setExpiresIn(Duration.newBuilder().setSeconds(3601)).build()),
        Status.Code.INVALID_ARGUMENT,
        "error while validating request: expiresIn is invalid. Error: input duration [1h0m1s]"
            + " cannot exceed max allowed expiration [1h0m0s]");
    assertStatus(
        () ->
            dataProxy.createDownloadLocation(
                request.clearExpiresIn().setNativeUrl("not a url").build()),
        Status.Code.INVALID_ARGUMENT,
        "error while validating request: failed to parse native_url [not a url]");
    assertStatus(
        () ->
            dataProxy.createDownloadLocation(
                request.clearExpiresIn().setNativeUrl("s3://bucket/key").build()),
        Status.Code.INVALID_ARGUMENT,
        "failed to create a signed url, Error: data reference [s3://bucket/key] does not belong to"
            + " this mem:// store");
  }

  @Test
  void restUploadLocationInJsonAndBinary() throws Exception {
    byte[] data = "over rest".getBytes(StandardCharsets.UTF_8);
    String json =
        "{\"project\":\""
            + project
            + "\",\"domain\":\"development\",\"filename_root\":\"rest\",\"filename\":\"a.txt\","
            + "\"content_md5\":\""
            + ContentDigests.base64Md5(data)
            + "\"}";
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(http("/api/v1/dataproxy/artifact_urn"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    assertThat(text(response)).contains("\"signed_url\"").contains("\"native_url\"");
    CreateUploadLocationResponse.Builder decoded = CreateUploadLocationResponse.newBuilder();
    JsonFormat.parser().merge(text(response), decoded);
    assertThat(decoded.getNativeUrl())
        .isEqualTo("mem://flyte/" + project + "/development/rest/a.txt");
    assertThat(put(decoded.getSignedUrl(), data, ContentDigests.base64Md5(data)).statusCode())
        .isEqualTo(200);

    HttpResponse<byte[]> binary =
        send(
            HttpRequest.newBuilder(http("/api/v1/dataproxy/artifact_urn"))
                .header("Content-Type", "application/octet-stream")
                .header("Accept", "application/octet-stream")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        upload()
                            .setFilenameRoot("rest")
                            .setFilename("a.txt")
                            .setContentMd5(ByteString.copyFrom(md5(data)))
                            .build()
                            .toByteArray()))
                .build());
    assertThat(binary.statusCode()).isEqualTo(200);
    assertThat(CreateUploadLocationResponse.parseFrom(binary.body()).getNativeUrl())
        .isEqualTo(decoded.getNativeUrl());

    HttpResponse<byte[]> conflict =
        send(
            HttpRequest.newBuilder(http("/api/v1/dataproxy/artifact_urn"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        json.replace(
                            ContentDigests.base64Md5(data), ContentDigests.base64Md5(new byte[0]))))
                .build());
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(text(conflict)).contains("file already exists at location");

    HttpResponse<byte[]> invalid =
        send(
            HttpRequest.newBuilder(http("/api/v1/dataproxy/artifact_urn"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"project\":\"" + project + "\"}"))
                .build());
    assertThat(invalid.statusCode()).isEqualTo(400);
    com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder();
    JsonFormat.parser().ignoringUnknownFields().merge(text(invalid), status);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(status.getMessage()).isEqualTo("project and domain are required parameters");
  }

  @Test
  void restDownloadLocationInJsonAndBinary() throws Exception {
    byte[] data = "rest download".getBytes(StandardCharsets.UTF_8);
    DataReference object = store.baseContainer().resolve(project, "development", "r", "o.bin");
    store.write(object, data);
    String path =
        "/api/v1/dataproxy/artifact_urn?native_url="
            + URLEncoder.encode(object.toString(), StandardCharsets.UTF_8);

    HttpResponse<byte[]> json =
        send(HttpRequest.newBuilder(http(path)).header("Accept", "application/json").build());
    assertThat(json.statusCode()).as(text(json)).isEqualTo(200);
    CreateDownloadLocationResponse.Builder decoded = CreateDownloadLocationResponse.newBuilder();
    JsonFormat.parser().merge(text(json), decoded);
    assertThat(get(decoded.getSignedUrl()).body()).isEqualTo(data);

    HttpResponse<byte[]> binary =
        send(
            HttpRequest.newBuilder(http(path))
                .header("Accept", "application/octet-stream")
                .build());
    assertThat(binary.statusCode()).isEqualTo(200);
    assertThat(get(CreateDownloadLocationResponse.parseFrom(binary.body()).getSignedUrl()).body())
        .isEqualTo(data);

    HttpResponse<byte[]> invalid =
        send(
            HttpRequest.newBuilder(http("/api/v1/dataproxy/artifact_urn?native_url=nope"))
                .header("Accept", "application/json")
                .build());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(text(invalid)).contains("failed to parse native_url [nope]");
  }

  private HttpResponse<byte[]> restUpload(CreateUploadLocationRequest request) throws Exception {
    return send(
        HttpRequest.newBuilder(http("/api/v1/dataproxy/artifact_urn"))
            .header("Content-Type", "application/octet-stream")
            .header("Accept", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
            .build());
  }

  private void assertUploadRefused(CreateUploadLocationRequest request, String message)
      throws Exception {
    assertStatus(
        () -> dataProxy.createUploadLocation(request), Status.Code.INVALID_ARGUMENT, message);
    HttpResponse<byte[]> rest = restUpload(request);
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(com.google.rpc.Status.parseFrom(rest.body()).getMessage()).isEqualTo(message);
  }

  @Test
  void uploadsNeedAnExistingProjectAndDomainAndNeverLeaveThem() throws Exception {
    ByteString md5 = ByteString.copyFrom(md5(new byte[] {1}));
    assertUploadRefused(
        upload().setProject("../x").setContentMd5(md5).build(),
        "project [../x] must not contain '/'");
    assertUploadRefused(
        upload().setProject("..").setDomain("..").setContentMd5(md5).build(),
        "project [..] must not be '.' or '..'");
    assertUploadRefused(
        upload().setDomain("../../..").setContentMd5(md5).build(),
        "domain [../../..] must not contain '/'");
    assertUploadRefused(
        upload().setOrg("a/b").setContentMd5(md5).build(), "org [a/b] must not contain '/'");
    assertUploadRefused(
        upload().setProject("nope-" + project).setContentMd5(md5).build(),
        "failed to validate that project [nope-"
            + project
            + "] and domain [development] are registered, err: [project [nope-"
            + project
            + "] not found]");
    assertUploadRefused(
        upload().setDomain("nope").setContentMd5(md5).build(),
        "domain [nope] is unrecognized by system");
    assertUploadRefused(
        upload().setFilenameRoot("root").setFilename("a/\u0007/b").build(),
        "filename_root [root] and filename [a/\u0007/b] must name a file below [mem://flyte/"
            + project
            + "/development]");
  }

  @Test
  void aFileNameLongerThanTheFileSystemAllowsIsStoredBelowItsProject() throws Exception {
    byte[] data = "long name".getBytes(StandardCharsets.UTF_8);
    String longName = "f".repeat(300) + ".tar.gz";
    CreateUploadLocationRequest request =
        upload()
            .setFilenameRoot("root")
            .setFilename(longName)
            .setContentMd5(ByteString.copyFrom(md5(data)))
            .build();
    for (CreateUploadLocationResponse location :
        List.of(
            dataProxy.createUploadLocation(request),
            CreateUploadLocationResponse.parseFrom(restUpload(request).body()))) {
      DataReference stored = DataReference.parse(location.getNativeUrl());
      assertThat(stored.key()).startsWith(project + "/development/root/f");
      assertThat(stored.key().split("/")).hasSize(4);
      assertThat(stored.key().length()).isLessThan(300);
      HttpResponse<byte[]> put = put(location.getSignedUrl(), data, ContentDigests.base64Md5(data));
      assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
      assertThat(store.read(stored)).isEqualTo(data);
    }
  }
}
