package org.flyte.common.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** MD5 digests of blob content, in the encodings object stores use. */
public final class ContentDigests {

  private ContentDigests() {}

  /** The base64 MD5, as sent in a {@code Content-MD5} header. */
  public static String base64Md5(byte[] data) {
    return Base64.getEncoder().encodeToString(md5().digest(data));
  }

  /** The lower-case hex MD5, as in an S3 single-part ETag. */
  public static String hexMd5(byte[] data) {
    return HexFormat.of().formatHex(md5().digest(data));
  }

  /** The lower-case hex MD5 of a stream, read to its end (the stream is not closed). */
  public static String hexMd5(InputStream in) throws IOException {
    MessageDigest digest = md5();
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A fresh MD5 digest. */
  static MessageDigest newMd5() {
    return md5();
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides MD5", e);
    }
  }
}
