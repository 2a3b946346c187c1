package org.flyte.common.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;
import java.util.UUID;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.Test;

/**
 * {@link BlobStore#write(DataReference, InputStream, long, WriteOptions)} as every backend must
 * show it: exactly the bytes, checked as they pass; content that is refused stores nothing and
 * leaves an existing object as it was. Part of {@link BlobStoreContract}.
 */
interface StreamingWriteContract {

  /** A store on a fresh container. */
  BlobStore freshStore();

  /**
   * Whether a refused streaming write leaves no object behind where there was none. Every real
   * store does; a fake may create the object when the upload starts.
   */
  default boolean abandonedUploadsLeaveNoObject() {
    return true;
  }

  private void assertNothingAt(BlobStore store, DataReference ref) {
    assumeTrue(
        abandonedUploadsLeaveNoObject(),
        "this fake store creates an object when an upload starts; the refusal itself was checked");
    assertThat(store.head(ref)).isEmpty();
  }

  private static DataReference key(BlobStore store) {
    return store.baseContainer().resolve("uploads", "k-" + UUID.randomUUID(), "blob.bin");
  }

  private static byte[] bytes(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }

  private static void assertRefused(Runnable write, String reason) {
    assertThatThrownBy(write::run)
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains(reason);
            });
  }

  @Test
  default void streamingWriteStoresTheBytesWithTheirMetadataAndAnswersTheirMd5() {
    BlobStore store = freshStore();
    byte[] data = bytes(1024 * 1024 + 17);
    String md5 = ContentDigests.base64Md5(data);
    DataReference ref = key(store);

    String etag =
        store.write(
            ref,
            new ByteArrayInputStream(data),
            data.length,
            WriteOptions.defaults().withContentMd5(md5).withContentMd5Metadata());

    assertThat(etag).isEqualTo(ContentDigests.hexMd5(data));
    assertThat(store.read(ref)).isEqualTo(data);
    assertThat(store.head(ref).orElseThrow().contentMd5()).hasValue(md5);
  }

  @Test
  default void streamingWriteOfNothingStoresAnEmptyObject() {
    BlobStore store = freshStore();
    DataReference ref = key(store);

    String etag = store.write(ref, InputStream.nullInputStream(), 0, WriteOptions.defaults());

    assertThat(etag).isEqualTo(ContentDigests.hexMd5(new byte[0]));
    assertThat(store.read(ref)).isEmpty();
  }

  @Test
  default void contentNotMatchingItsMd5StoresNothingAndKeepsTheObjectItWouldReplace() {
    BlobStore store = freshStore();
    DataReference existing = key(store);
    store.write(existing, "the old bytes".getBytes(UTF_8));
    DataReference fresh = key(store);
    byte[] data = bytes(300_000);
    String otherMd5 = ContentDigests.base64Md5("something else".getBytes(UTF_8));

    for (DataReference ref : new DataReference[] {existing, fresh}) {
      assertRefused(
          () ->
              store.write(
                  ref,
                  new ByteArrayInputStream(data),
                  data.length,
                  WriteOptions.defaults().withContentMd5(otherMd5)),
          "does not match its Content-MD5 [" + otherMd5 + "]");
    }

    assertThat(new String(store.read(existing), UTF_8)).isEqualTo("the old bytes");
    assertNothingAt(store, fresh);
  }

  @Test
  default void contentShorterOrLongerThanItsLengthStoresNothing() {
    BlobStore store = freshStore();
    DataReference ref = key(store);
    byte[] data = bytes(200_000);

    assertRefused(
        () ->
            store.write(
                ref, new ByteArrayInputStream(data), data.length + 1, WriteOptions.defaults()),
        "the content ended after 200000 of its 200001 bytes");
    assertRefused(
        () ->
            store.write(
                ref, new ByteArrayInputStream(data), data.length - 1, WriteOptions.defaults()),
        "the content is longer than its length of 199999 bytes");

    assertNothingAt(store, ref);
  }

  @Test
  default void aSourceThatFailsStoresNothing() {
    BlobStore store = freshStore();
    DataReference ref = key(store);
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream(bytes(100_000)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("connection reset by peer");
              }
            });

    assertRefused(
        () -> store.write(ref, failing, 200_000, WriteOptions.defaults()),
        "failed to read the content of [" + ref + "]: connection reset by peer");

    assertNothingAt(store, ref);
  }

  @Test
  default void anUnknownLengthIsRefused() {
    BlobStore store = freshStore();

    assertRefused(
        () -> store.write(key(store), InputStream.nullInputStream(), -1, WriteOptions.defaults()),
        "is unknown");
  }
}
