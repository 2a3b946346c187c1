package org.flyte.common.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BlobStore} backend must show. Each backend runs it through a subclass
 * that says how to build a store for a fresh container and what it can do with signed URLs. Tests
 * use fresh random containers and keys, so they can run in parallel.
 */
public abstract class BlobStoreContract implements StreamingWriteContract {

  /** What a backend does with signed URLs. */
  protected enum Signing {
    /** {@link BlobStore#signedUrl} fails with {@link #unsupportedSigningCode()}. */
    NONE,
    /** URLs are produced but nothing here can serve them. */
    URL_ONLY,
    /** URLs are produced and can be fetched over HTTP in the test. */
    FETCHABLE
  }

  private final List<BlobStore> stores = new ArrayList<>();

  /** A store whose base container is {@code settings.container()}, which may not exist yet. */
  protected abstract BlobStore newStore(BlobStoreSettings settings);

  protected abstract Signing signing();

  /** Whether {@link BlobMetadata#etag()} is filled in (every real object store does). */
  protected boolean reportsEtags() {
    return true;
  }

  protected ErrorCode unsupportedSigningCode() {
    return ErrorCode.UNIMPLEMENTED;
  }

  @AfterEach
  void closeStores() {
    stores.forEach(BlobStore::close);
  }

  // ---- helpers

  protected static String randomName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  @Override
  public BlobStore freshStore() {
    return store();
  }

  protected final BlobStore store(BlobStoreSettings settings) {
    BlobStore store = newStore(settings);
    stores.add(store);
    return store;
  }

  /** A store on a fresh container, with a small list page so that listings span pages. */
  protected final BlobStore store() {
    return store(BlobStoreSettings.of(randomName("bucket")).withListPageSize(2));
  }

  protected static DataReference ref(BlobStore store, String... keys) {
    return store.baseContainer().resolve(keys);
  }

  protected static byte[] randomBytes(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }

  protected static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(FlyteException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  // ---- read and write

  @Test
  void writeThenReadRoundTripsBinary() throws Exception {
    BlobStore store = store();
    byte[] data = new byte[512];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    DataReference ref = ref(store, "metadata", randomName("k"), "data.pb");

    store.write(ref, data);

    assertThat(store.read(ref)).isEqualTo(data);
    try (InputStream in = store.open(ref)) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void writeReplacesContentAndMetadata() {
    BlobStore store = store();
    DataReference ref = ref(store, randomName("k"));
    store.write(ref, "one".getBytes(UTF_8), WriteOptions.defaults().withMetadata("a", "1"));

    store.write(ref, "second".getBytes(UTF_8));

    assertThat(new String(store.read(ref), UTF_8)).isEqualTo("second");
    assertThat(store.head(ref))
        .get()
        .satisfies(m -> assertThat(m.userMetadata()).doesNotContainKey("a"));
  }

  @Test
  void emptyObjectRoundTrips() {
    BlobStore store = store();
    DataReference ref = ref(store, randomName("empty"));

    store.write(ref, new byte[0]);

    assertThat(store.read(ref)).isEmpty();
    assertThat(store.head(ref)).get().extracting(BlobMetadata::size).isEqualTo(0L);
  }

  @Test
  void readOfMissingObjectIsNotFound() {
    BlobStore store = store();
    DataReference ref = ref(store, randomName("missing"));

    assertCode(() -> store.read(ref), ErrorCode.NOT_FOUND);
    assertCode(() -> store.open(ref), ErrorCode.NOT_FOUND);
  }

  @Test
  void keysThatNeedEscapingRoundTrip() {
    BlobStore store = store();
    DataReference ref = ref(store, "metadata", "execution name", "naïve (1).pb");
    assertThat(ref.toString()).contains("/execution%20name/na%C3%AFve%20%281%29.pb");

    store.write(ref, new byte[] {1, 2});

    assertThat(store.read(DataReference.parse(ref.toString()))).containsExactly(1, 2);
    assertThat(store.list(ref(store, "metadata"))).containsExactly(ref);
  }

  @Test
  void referenceToContainerOnlyIsRejected() {
    BlobStore store = store();

    assertCode(() -> store.read(store.baseContainer()), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> store.write(store.baseContainer(), new byte[1]), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void referenceWithAnotherSchemeIsRejected() {
    BlobStore store = store();
    String scheme = store.baseContainer().scheme().equals("s3") ? "gs" : "s3";
    DataReference foreign =
        DataReference.of(scheme, store.baseContainer().container(), randomName("k"));

    assertCode(() -> store.write(foreign, new byte[1]), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> store.read(foreign), ErrorCode.INVALID_ARGUMENT);
  }

  // ---- metadata

  @Test
  void headReportsSizeEtagAndMetadata() {
    BlobStore store = store();
    byte[] data = "hello flyte".getBytes(UTF_8);
    String md5 = ContentDigests.base64Md5(data);
    DataReference ref = ref(store, randomName("k"));

    store.write(
        ref,
        data,
        WriteOptions.defaults()
            .withMetadata("Owner", "team-a")
            .withContentMd5(md5)
            .withContentMd5Metadata());

    BlobMetadata head = store.head(ref).orElseThrow();
    assertThat(head.size()).isEqualTo(data.length);
    if (reportsEtags()) {
      assertThat(head.etag()).isNotBlank().doesNotStartWith("\"");
    }
    assertThat(head.contentMd5()).contains(md5);
    assertThat(head.userMetadata()).containsEntry("owner", "team-a");
  }

  @Test
  void headOfMissingObjectIsEmpty() {
    BlobStore store = store();

    assertThat(store.head(ref(store, randomName("missing")))).isEmpty();
  }

  @Test
  void writeWithWrongContentMd5IsRejected() {
    BlobStore store = store();
    DataReference ref = ref(store, randomName("k"));
    String otherMd5 = ContentDigests.base64Md5("other".getBytes(UTF_8));

    assertCode(
        () -> store.write(ref, new byte[] {1}, WriteOptions.defaults().withContentMd5(otherMd5)),
        ErrorCode.INVALID_ARGUMENT);
    assertThat(store.head(ref)).isEmpty();
  }

  // ---- list and delete

  @Test
  void listReturnsEveryObjectUnderThePrefixAcrossPages() {
    BlobStore store = store();
    String run = randomName("run");
    List<DataReference> expected = new ArrayList<>();
    for (String key : List.of("a", "b", "c/d", "c/e/f", "g")) {
      DataReference ref = ref(store, run, key);
      store.write(ref, key.getBytes(UTF_8));
      expected.add(ref);
    }
    store.write(ref(store, run + "-sibling", "x"), new byte[1]);
    store.write(ref(store, run + "x"), new byte[1]);

    assertThat(store.list(ref(store, run))).containsExactlyElementsOf(expected);
    assertThat(store.list(ref(store, run, "c"))).containsExactly(expected.get(2), expected.get(3));
    assertThat(store.list(store.baseContainer())).containsAll(expected).hasSize(7);
  }

  @Test
  void listOfUnknownPrefixIsEmpty() {
    BlobStore store = store();

    assertThat(store.list(ref(store, randomName("nothing")))).isEmpty();
  }

  @Test
  void deleteRemovesTheObjectAndIsIdempotent() {
    BlobStore store = store();
    DataReference ref = ref(store, randomName("k"), "obj");
    store.write(ref, new byte[] {7}, WriteOptions.defaults().withMetadata("m", "v"));

    store.delete(ref);

    assertCode(() -> store.read(ref), ErrorCode.NOT_FOUND);
    assertThat(store.head(ref)).isEmpty();
    assertThat(store.list(store.baseContainer())).doesNotContain(ref);
    store.delete(ref);
  }

  // ---- Flyte's rules

  @Test
  void readAboveTheDownloadLimitIsRefused() {
    BlobStore store = store(BlobStoreSettings.of(randomName("bucket")).withMaxDownloadMbs(1));
    DataReference atLimit = ref(store, randomName("exact"));
    DataReference above = ref(store, randomName("above"));
    store.write(atLimit, randomBytes(1024 * 1024));
    store.write(above, randomBytes(1024 * 1024 + 1));

    assertThat(store.read(atLimit)).hasSize(1024 * 1024);
    assertCode(() -> store.read(above), ErrorCode.RESOURCE_EXHAUSTED);
    assertCode(() -> store.open(above), ErrorCode.RESOURCE_EXHAUSTED);
    assertThat(store.head(above)).get().extracting(BlobMetadata::size).isEqualTo(1024L * 1024 + 1);
  }

  @Test
  void zeroDownloadLimitMeansNoLimit() {
    BlobStore store = store(BlobStoreSettings.of(randomName("bucket")).withMaxDownloadMbs(0));
    DataReference ref = ref(store, randomName("big"));
    store.write(ref, randomBytes(2 * 1024 * 1024 + 1));

    assertThat(store.read(ref)).hasSize(2 * 1024 * 1024 + 1);
  }

  @Test
  void otherContainersAreRefusedWithoutMulticontainer() {
    BlobStore store = store();
    DataReference foreign =
        DataReference.of(store.baseContainer().scheme(), randomName("other"), "k");

    for (ThrowingCallable call :
        List.<ThrowingCallable>of(
            () -> store.write(foreign, new byte[1]),
            () -> store.read(foreign),
            () -> store.open(foreign),
            () -> store.head(foreign),
            () -> store.list(foreign),
            () -> store.delete(foreign),
            () -> store.signedUrl(foreign, SignedUrlRequest.get(Duration.ofMinutes(5))))) {
      assertCode(call, ErrorCode.FAILED_PRECONDITION);
    }
  }

  @Test
  void otherContainersAreUsableWithMulticontainer() {
    BlobStore store = store(BlobStoreSettings.of(randomName("bucket")).withMulticontainer(true));
    DataReference foreign =
        DataReference.of(store.baseContainer().scheme(), randomName("other"), "dir/k");

    store.write(foreign, new byte[] {4, 2});

    assertThat(store.read(foreign)).containsExactly(4, 2);
    assertThat(store.head(foreign)).isPresent();
    assertThat(store.list(DataReference.of(foreign.scheme(), foreign.container(), "dir")))
        .containsExactly(foreign);
  }

  // ---- protobuf

  @Test
  void protoStoreRoundTripsALiteralMap() {
    ProtoStore protos = new ProtoStore(store());
    LiteralMap inputs =
        LiteralMap.newBuilder()
            .putLiterals("x", literal(Primitive.newBuilder().setInteger(42)))
            .putLiterals("name", literal(Primitive.newBuilder().setStringValue("flyte")))
            .build();
    DataReference ref = ref(protos.blobs(), "metadata", "p", "d", randomName("exec"), "inputs");

    protos.write(ref, inputs);

    assertThat(protos.read(ref, LiteralMap.getDefaultInstance())).isEqualTo(inputs);
    assertThat(protos.read(ref, LiteralMap.parser())).isEqualTo(inputs);
    assertThat(protos.blobs().read(ref)).isEqualTo(inputs.toByteArray());
  }

  private static Literal literal(Primitive.Builder primitive) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(primitive)).build();
  }

  // ---- signed URLs

  @Test
  void signedUrlsMatchTheCapability() {
    BlobStore store = store();
    DataReference ref = ref(store, randomName("k"), "file.txt");
    SignedUrlRequest get = SignedUrlRequest.get(Duration.ofMinutes(10));

    if (signing() == Signing.NONE) {
      assertThat(store.supportsSignedUrls()).isFalse();
      assertCode(() -> store.signedUrl(ref, get), unsupportedSigningCode());
      return;
    }
    assertThat(store.supportsSignedUrls()).isTrue();
    Instant before = Instant.now();
    SignedUrl url = store.signedUrl(ref, get);
    assertThat(url.url().getRawPath()).endsWith("/" + ref.key());
    assertThat(url.expiresAt())
        .isCloseTo(before.plus(Duration.ofMinutes(10)), within(1, ChronoUnit.MINUTES));
    assertCode(
        () -> store.signedUrl(ref, SignedUrlRequest.get(Duration.ofDays(8))),
        ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void signedPutThenSignedGetRoundTripOverHttp() throws Exception {
    assumeTrue(signing() == Signing.FETCHABLE, "this backend's signed URLs cannot be fetched here");
    BlobStore store = store();
    byte[] data = "uploaded through a signed URL".getBytes(UTF_8);
    String md5 = ContentDigests.base64Md5(data);
    DataReference ref = ref(store, randomName("upload"), "file.txt");
    store.write(ref(store, "placeholder"), new byte[1]); // the bucket exists

    SignedUrl put = store.signedUrl(ref, SignedUrlRequest.put(Duration.ofMinutes(5), md5, true));
    assertThat(put.headers())
        .hasEntrySatisfying(
            SignedUrlClient.header(put, "content-md5"), v -> assertThat(v).isEqualTo(md5))
        .hasEntrySatisfying(
            SignedUrlClient.header(put, "-meta-" + BlobMetadata.FLYTE_CONTENT_MD5),
            v -> assertThat(v).isEqualTo(md5));
    HttpResponse<byte[]> uploaded = SignedUrlClient.send(put, "PUT", data);
    assertThat(uploaded.statusCode()).as(new String(uploaded.body(), UTF_8)).isEqualTo(200);

    assertThat(store.read(ref)).isEqualTo(data);
    assertThat(store.head(ref).orElseThrow().contentMd5()).contains(md5);
    SignedUrl get = store.signedUrl(ref, SignedUrlRequest.get(Duration.ofMinutes(5)));
    HttpResponse<byte[]> downloaded = SignedUrlClient.send(get, "GET", new byte[0]);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).isEqualTo(data);
  }

  @Test
  void signedPutWithWrongContentIsRefused() throws Exception {
    assumeTrue(signing() == Signing.FETCHABLE, "this backend's signed URLs cannot be fetched here");
    BlobStore store = store();
    store.write(ref(store, "placeholder"), new byte[1]); // the bucket exists
    byte[] expected = "expected".getBytes(UTF_8);
    DataReference ref = ref(store, randomName("upload"));
    SignedUrl put =
        store.signedUrl(
            ref,
            SignedUrlRequest.put(Duration.ofMinutes(5), ContentDigests.base64Md5(expected), false));

    HttpResponse<byte[]> response = SignedUrlClient.send(put, "PUT", "tampered".getBytes(UTF_8));

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(store.head(ref)).isEmpty();
  }
}
