package org.flyte.common.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Splitting and percent-decoding of the raw request path and query string, with the rules of Go's
 * {@code net/url} that grpc-gateway relies on: in a query, {@code +} is a space and {@code %2B} a
 * literal plus; in a path, {@code +} stays a plus; a malformed escape ({@code %zz}) and a {@code ;}
 * separator in the query are errors ({@code url.ParseQuery}).
 */
final class UrlComponents {

  private UrlComponents() {}

  /**
   * The decoded segments of a raw path that starts with '/': {@code /a/b%20c/} gives {@code [a, b
   * c, ""]}. An encoded slash ({@code %2F}) stays inside its segment.
   *
   * @throws IllegalArgumentException on a malformed escape
   */
  static List<String> pathSegments(String rawPath) {
    List<String> segments = new ArrayList<>();
    int start = 1;
    for (int i = 1; i <= rawPath.length(); i++) {
      if (i == rawPath.length() || rawPath.charAt(i) == '/') {
        segments.add(unescape(rawPath.substring(start, i), false));
        start = i + 1;
      }
    }
    return segments;
  }

  /**
   * Parses a raw query string into parameters in order of first appearance, each with its values in
   * order.
   *
   * @throws IllegalArgumentException with Go's message for the first malformed pair; like {@code
   *     url.ParseQuery} the remaining pairs are still read, but the request is refused
   */
  static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    String firstError = null;
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.contains(";")) {
        firstError = firstError == null ? "invalid semicolon separator in query" : firstError;
        continue;
      }
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawKey = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        String key = unescape(rawKey, true);
        String value = unescape(rawValue, true);
        params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        firstError = firstError == null ? e.getMessage() : firstError;
      }
    }
    if (firstError != null) {
      throw new IllegalArgumentException(firstError);
    }
    return params;
  }

  /** Percent-decodes one component as UTF-8; in query mode {@code +} becomes a space. */
  static String unescape(String raw, boolean query) {
    if (raw.indexOf('%') < 0 && !(query && raw.indexOf('+') >= 0)) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          String bad = raw.substring(i, Math.min(raw.length(), i + 3));
          throw new IllegalArgumentException("invalid URL escape \"" + bad + "\"");
        }
        out.write(hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)));
        i += 3;
        continue;
      }
      if (c == '+' && query) {
        out.write(' ');
        i++;
        continue;
      }
      int end = i + 1;
      while (end < raw.length() && raw.charAt(end) != '%' && !(query && raw.charAt(end) == '+')) {
        end++;
      }
      out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
      i = end;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
