package org.flyte.common.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The content of a streaming write as a backend reads it: exactly {@code length} bytes whose MD5 is
 * checked against the expected Content-MD5 <em>before</em> the last bytes are handed on. A stream
 * that is shorter or longer than {@code length}, or whose MD5 differs, fails the read that would
 * complete it with a {@link Mismatch}, so the backend never receives a complete object and stores
 * nothing. Failures of the source itself are remembered as such (the caller's content could not be
 * read).
 */
final class VerifyingInputStream extends FilterInputStream {

  /** The content is not what the caller said it would be. */
  static final class Mismatch extends IOException {
    Mismatch(String message) {
      super(message, null);
    }
  }

  private final long length;
  private final @Nullable String expectedMd5;
  private final MessageDigest md5 = ContentDigests.newMd5();
  private long count;
  private @Nullable String hexMd5;
  private @Nullable Mismatch mismatch;
  private @Nullable IOException sourceFailure;

  VerifyingInputStream(InputStream source, long length, @Nullable String expectedBase64Md5) {
    super(source);
    this.length = length;
    this.expectedMd5 = expectedBase64Md5;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int size) throws IOException {
    if (mismatch != null) {
      throw mismatch;
    }
    if (hexMd5 != null) {
      return -1; // complete and verified
    }
    int wanted = (int) Math.min(size, length - count);
    if (wanted == 0 && size > 0) {
      verifyEnd();
      return -1;
    }
    int n = source(buffer, offset, wanted);
    if (n < 0) {
      throw fail("the content ended after " + count + " of its " + length + " bytes");
    }
    md5.update(buffer, offset, n);
    count += n;
    if (count == length) {
      verifyEnd();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skipping content that must be verified");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Checks that the source ends here and that the MD5 matches; idempotent. */
  void verifyEnd() throws IOException {
    if (mismatch != null) {
      throw mismatch;
    }
    if (hexMd5 != null) {
      return;
    }
    if (count < length) {
      throw fail("the content ended after " + count + " of its " + length + " bytes");
    }
    if (source(new byte[1], 0, 1) >= 0) {
      throw fail("the content is longer than its length of " + length + " bytes");
    }
    byte[] digest = md5.digest();
    if (expectedMd5 != null && !expectedMd5.equals(Base64.getEncoder().encodeToString(digest))) {
      throw fail("the content does not match its Content-MD5 [" + expectedMd5 + "]");
    }
    hexMd5 = HexFormat.of().formatHex(digest);
  }

  /** The hex MD5 of the content once it has been read whole and verified, else null. */
  @Nullable String hexMd5() {
    return hexMd5;
  }

  /** Why the content was refused, if it was. */
  @Nullable Mismatch mismatch() {
    return mismatch;
  }

  /** The failure of the source stream itself, if any. */
  @Nullable IOException sourceFailure() {
    return sourceFailure;
  }

  private int source(byte[] buffer, int offset, int size) throws IOException {
    try {
      return in.read(buffer, offset, size);
    } catch (IOException e) {
      sourceFailure = e;
      throw e;
    }
  }

  private Mismatch fail(String message) {
    mismatch = new Mismatch(message);
    return mismatch;
  }
}
