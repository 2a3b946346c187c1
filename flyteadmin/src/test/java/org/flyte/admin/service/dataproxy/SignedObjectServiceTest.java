package org.flyte.admin.service.dataproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.config.DataProxyProperties;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.AbstractBlobStore;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.ContentDigests;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.SignedUrlRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * Uploads stream from the request into the store: memory stays bounded whatever the body's size
 * (measured, without timing, as the bytes read from the client but not yet taken by the store), and
 * refused uploads are refused before their body is read.
 */
class SignedObjectServiceTest {

  private static final long MAX_UPLOAD = DataSize.ofGigabytes(1).toBytes();

  /** A store that takes uploads in 64 KiB reads and remembers the most bytes held in between. */
  static final class ProbeStore extends AbstractBlobStore {

    private final GeneratedBody source;
    long taken;
    long mostInFlight;
    @Nullable String storedKey;

    ProbeStore(GeneratedBody source) {
      super("probe", BlobStoreSettings.of("flyte"));
      this.source = source;
    }

    @Override
    protected void putObject(
        String container,
        String key,
        InputStream data,
        long length,
        Map<String, String> metadata,
        @Nullable String contentMd5)
        throws IOException {
      byte[] buffer = new byte[64 * 1024];
      for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
        taken += n;
        mostInFlight = Math.max(mostInFlight, source.produced - taken);
      }
      storedKey = key;
    }

    @Override
    protected Optional<ObjectStream> openObject(String container, String key) {
      return Optional.empty();
    }

    @Override
    protected Optional<BlobMetadata> headObject(String container, String key) {
      return Optional.empty();
    }

    @Override
    protected List<String> listObjects(String container, String keyPrefix) {
      return List.of();
    }

    @Override
    protected void deleteObject(String container, String key) {}
  }

  /** {@code size} bytes of a fixed pattern, made as they are read; counts what it handed out. */
  static final class GeneratedBody extends InputStream {

    private final long size;
    long produced;

    GeneratedBody(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (produced == size) {
        return -1;
      }
      int n = (int) Math.min(length, size - produced);
      for (int i = 0; i < n; i++) {
        long at = produced + i;
        buffer[offset + i] = (byte) (at * 31 + (at >>> 13));
      }
      produced += n;
      return n;
    }

    /** The MD5 of the whole body, made by reading a fresh copy. */
    static byte[] md5(long size) throws Exception {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      GeneratedBody body = new GeneratedBody(size);
      byte[] buffer = new byte[1 << 20];
      for (int n = body.read(buffer, 0, buffer.length); n >= 0; ) {
        md5.update(buffer, 0, n);
        n = body.read(buffer, 0, buffer.length);
      }
      return md5.digest();
    }
  }

  private static SignedObjectService service(ProbeStore store) {
    DataProxyProperties properties =
        new DataProxyProperties(
            new DataProxyProperties.Upload(
                Duration.ofHours(1), 20, "", DataSize.ofBytes(MAX_UPLOAD)),
            new DataProxyProperties.Download(Duration.ofHours(1)),
            new DataProxyProperties.Local("key", null));
    return new SignedObjectService(
        new LocalUrlSigner(store, properties, new MockEnvironment()), store, properties);
  }

  private static LocalUrlSigner.Grant put(@Nullable String signedMd5) {
    return new LocalUrlSigner.Grant(
        DataReference.of("probe", "flyte", "p/d/upload.tgz"),
        SignedUrlRequest.Method.PUT,
        signedMd5,
        false);
  }

  @Test
  void aBodyFarLargerThanAnyBufferStreamsThroughInBoundedMemory() throws Exception {
    long size = DataSize.ofMegabytes(256).toBytes();
    byte[] md5 = GeneratedBody.md5(size);
    String base64 = Base64.getEncoder().encodeToString(md5);
    GeneratedBody body = new GeneratedBody(size);
    ProbeStore store = new ProbeStore(body);

    String etag = service(store).upload(put(base64), base64, size, body);

    assertThat(etag).isEqualTo(HexFormat.of().formatHex(md5));
    assertThat(store.taken).isEqualTo(size);
    assertThat(store.storedKey).isEqualTo("p/d/upload.tgz");
    assertThat(store.mostInFlight)
        .as("bytes read from the client that the store had not yet taken")
        .isLessThanOrEqualTo(DataSize.ofKilobytes(64).toBytes());
  }

  @Test
  void aBodyNotMatchingItsContentMd5IsABadDigest() {
    String otherMd5 = ContentDigests.base64Md5("not this body".getBytes(StandardCharsets.UTF_8));
    GeneratedBody body = new GeneratedBody(1_000_000);

    assertThatThrownBy(
            () -> service(new ProbeStore(body)).upload(put(null), otherMd5, 1_000_000, body))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).startsWith("BadDigest: ");
            });
  }

  @Test
  void refusedUploadsAreRefusedBeforeTheirBodyIsRead() {
    GeneratedBody body = new GeneratedBody(MAX_UPLOAD + 1);
    SignedObjectService service = service(new ProbeStore(body));

    assertThatThrownBy(() -> service.upload(put(null), null, MAX_UPLOAD + 1, body))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
              assertThat(e.getMessage()).contains("flyte.server.dataProxy.upload.maxSize");
            });
    assertThatThrownBy(() -> service.upload(put("c2lnbmVk"), "b3RoZXI=", 10, body))
        .isInstanceOfSatisfying(
            FlyteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
    assertThat(body.produced).isZero();
  }
}
