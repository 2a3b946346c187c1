package org.flyte.common.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.flyte.common.error.FlyteException;

/**
 * Pure functions on the path part of a URL, with the escaping rules Go's {@code net/url} applies to
 * paths (which is what gives Flyte's data references their exact spelling).
 *
 * <p>An <em>escaped</em> path is kept as written when every character is allowed in an encoded path
 * (unreserved characters, sub-delimiters, {@code : @ /}, {@code [ ]} and {@code %XX} escapes);
 * otherwise it is decoded and every byte outside the unreserved set and {@code $ & + , / : ; = @}
 * is percent-encoded with upper-case hex. So {@code execution name} becomes {@code
 * execution%20name}, while {@code a(b)} stays as it is.
 */
final class UrlPaths {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlPaths() {}

  /** Percent-encodes a decoded path. */
  static String escape(String decoded) {
    byte[] bytes = decoded.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c < 0x80 && keptUnescaped((char) c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes {@code %XX} escapes.
   *
   * @throws FlyteException INVALID_ARGUMENT on a malformed escape or bytes that are not UTF-8
   */
  static String unescape(String escaped) {
    if (escaped.indexOf('%') < 0) {
      return escaped;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(escaped.length());
    byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '%') {
        out.write(bytes[i]);
        continue;
      }
      int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
      int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
      if (hi < 0 || lo < 0) {
        throw FlyteException.invalidArgument(
            "invalid URL escape in [%s]: '%%' must be followed by two hex digits", escaped);
      }
      out.write(hi << 4 | lo);
      i += 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The canonical escaped form of a path that may or may not be escaped already. */
  static String canonical(String path) {
    String decoded = unescape(path);
    return isValidEncoded(path) ? path : escape(decoded);
  }

  /** Whether {@code path} may stand as an escaped path without change. */
  static boolean isValidEncoded(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean ok =
          c < 0x80
              && (keptUnescaped(c)
                  || "!'()*[]%".indexOf(c) >= 0); // sub-delimiters Go accepts as written, and %XX
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Removes {@code .} and {@code ..} segments from an absolute path (RFC 3986 section 5.2.4). A
   * path ending in a dot segment keeps a trailing slash; {@code ..} never climbs above the root.
   */
  static String removeDotSegments(String absolutePath) {
    Deque<String> out = new ArrayDeque<>();
    String[] segments = absolutePath.substring(1).split("/", -1);
    boolean trailingSlash = false;
    for (String segment : segments) {
      trailingSlash = false;
      if (segment.equals(".")) {
        trailingSlash = true;
      } else if (segment.equals("..")) {
        out.pollLast();
        trailingSlash = true;
      } else {
        out.addLast(segment);
      }
    }
    String joined = "/" + String.join("/", out);
    if (trailingSlash && !joined.endsWith("/")) {
      joined += "/";
    }
    return joined;
  }

  private static boolean keptUnescaped(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-_.~$&+,/:;=@".indexOf(c) >= 0;
  }
}
