package org.flyte.common.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.flyte.common.error.FlyteException;

/**
 * The one way a storage key is built from names that clients choose (project, domain, entity names
 * and versions, upload file names, dataset and artifact ids): each value becomes exactly one key
 * segment, whatever it contains, so that no value can change the key's structure.
 *
 * <p>A value made of ordinary characters is used as it is, which keeps Flyte's layout ({@code
 * metadata/admin/<project>/<domain>/<name>/<version>}) for every name flytekit produces. Otherwise:
 *
 * <ul>
 *   <li>{@code /}, {@code %} and control characters are percent-encoded as literal text of the key
 *       ({@code a/b} becomes the one segment {@code a%2Fb}, never two);
 *   <li>a value that is {@code .} or {@code ..} becomes {@code %2E} or {@code %2E%2E}, so it never
 *       climbs up;
 *   <li>a segment longer than {@value #MAX_SEGMENT_BYTES} UTF-8 bytes is cut and ends with {@code
 *       ~} and 16 hex digits of the SHA-256 of the value, so any length fits a file system's
 *       255-byte name limit.
 * </ul>
 *
 * <p>The mapping is deterministic; callers record the resulting reference (as Flyte records {@code
 * remote_closure_identifier} and artifact locations), so readers never rebuild it.
 */
public final class StorageKeys {

  /** The longest segment in UTF-8 bytes, below the 255-byte file name limit of common systems. */
  public static final int MAX_SEGMENT_BYTES = 200;

  private static final int HASH_HEX_DIGITS = 16;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private StorageKeys() {}

  /**
   * The reference below {@code base} with one key segment per value, in order.
   *
   * @throws FlyteException INVALID_ARGUMENT when a value is empty
   */
  public static DataReference under(DataReference base, String... values) {
    String[] escaped = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      // the literal segment, then escaped as URL path text so that its '%' stay literal
      escaped[i] = UrlPaths.escape(segment(values[i]));
    }
    return base.withSegments(escaped);
  }

  /**
   * The literal key segment for {@code value}.
   *
   * @throws FlyteException INVALID_ARGUMENT when {@code value} is empty
   */
  public static String segment(String value) {
    if (value == null || value.isEmpty()) {
      throw FlyteException.invalidArgument("a storage key segment must not be empty");
    }
    String literal;
    if (value.equals(".")) {
      literal = "%2E";
    } else if (value.equals("..")) {
      literal = "%2E%2E";
    } else {
      literal = needsEscape(value) ? escape(value) : value;
    }
    byte[] bytes = literal.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_SEGMENT_BYTES) {
      return literal;
    }
    int keep = MAX_SEGMENT_BYTES - HASH_HEX_DIGITS - 1;
    // step back to a character boundary (escapes are ASCII, so only UTF-8 sequences matter)
    while (keep > 0 && (bytes[keep] & 0xC0) == 0x80) {
      keep--;
    }
    return new String(bytes, 0, keep, StandardCharsets.UTF_8) + "~" + hash(value);
  }

  private static boolean needsEscape(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (escaped(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean escaped(char c) {
    return c == '/' || c == '%' || Character.isISOControl(c);
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (escaped(c)) {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String hash(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, HASH_HEX_DIGITS / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
