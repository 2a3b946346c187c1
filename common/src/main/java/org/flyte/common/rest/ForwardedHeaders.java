package org.flyte.common.rest;

import io.grpc.Metadata;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * HTTP headers to gRPC metadata and back, following grpc-gateway v2's {@code annotateContext} with
 * FlyteAdmin's header matcher ({@code runtime/context.go}, {@code flyteadmin/auth/handlers.go
 * GetCustomHeaderMatcher}).
 *
 * <p>Forwarded into metadata: {@code Authorization} as {@code authorization}; {@code X-Request-Id}
 * as {@code x-request-id}; {@code flyte-authorization} as is; {@code Grpc-Metadata-<name>} as
 * {@code <name>} ({@code -Bin} names base64-decoded into binary metadata); the IANA permanent
 * headers as {@code grpcgateway-<name>}; {@code x-forwarded-host} from that header or {@code Host};
 * {@code x-forwarded-for} from that header plus the client address. Names that are not valid
 * metadata keys, values that are not printable ASCII and keys gRPC reserves ({@code grpc-*}, {@code
 * content-type}, {@code te}, {@code connection}) are skipped. Answers carry the gRPC response
 * headers as {@code Grpc-Metadata-<name>}.
 */
final class ForwardedHeaders {

  static final String METADATA_HEADER_PREFIX = "Grpc-Metadata-";
  static final String PERMANENT_HEADER_PREFIX = "grpcgateway-";

  private static final Set<String> PERMANENT_HEADERS =
      Set.of(
          "Accept",
          "Accept-Charset",
          "Accept-Language",
          "Accept-Ranges",
          "Authorization",
          "Cache-Control",
          "Content-Type",
          "Cookie",
          "Date",
          "Expect",
          "From",
          "Host",
          "If-Match",
          "If-Modified-Since",
          "If-None-Match",
          "If-Schedule-Tag-Match",
          "If-Unmodified-Since",
          "Max-Forwards",
          "Origin",
          "Pragma",
          "Referer",
          "User-Agent",
          "Via",
          "Warning");

  private static final Set<String> RESERVED_KEYS = Set.of("content-type", "te", "connection");

  private ForwardedHeaders() {}

  /**
   * The metadata of the in-process call for a request.
   *
   * @throws RestException {@code INVALID_ARGUMENT} for a {@code -Bin} header that is not base64
   */
  static Metadata toMetadata(RestRequest request) {
    Metadata metadata = new Metadata();
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String name = canonical(header.getKey());
      if (name.equals("X-Forwarded-For") || name.equals("X-Forwarded-Host")) {
        continue;
      }
      for (String value : header.getValue()) {
        if (name.equals("Authorization")) {
          putAscii(metadata, "authorization", value);
        }
        String key = metadataKey(name);
        if (key == null || !isValidKey(key) || isReserved(key)) {
          continue;
        }
        if (name.endsWith("-Bin")) {
          putBinary(metadata, key, name, value);
        } else {
          putAscii(metadata, key, value);
        }
      }
    }
    String host = request.header("X-Forwarded-Host");
    if (host == null || host.isEmpty()) {
      host = request.header("Host");
    }
    if (host != null && !host.isEmpty()) {
      putAscii(metadata, "x-forwarded-host", host);
    }
    List<String> forwardedFor = new ArrayList<>(request.headerValues("X-Forwarded-For"));
    if (request.remoteAddress() != null && !request.remoteAddress().isEmpty()) {
      forwardedFor.add(request.remoteAddress());
    }
    if (!forwardedFor.isEmpty()) {
      putAscii(metadata, "x-forwarded-for", String.join(", ", forwardedFor));
    }
    return metadata;
  }

  /** FlyteAdmin's incoming header matcher: the metadata key for a canonical header name. */
  private static @Nullable String metadataKey(String canonicalName) {
    if (canonicalName.equals("X-Request-Id") || canonicalName.equals("Flyte-Authorization")) {
      return canonicalName.toLowerCase(Locale.ROOT);
    }
    if (PERMANENT_HEADERS.contains(canonicalName)) {
      return (PERMANENT_HEADER_PREFIX + canonicalName).toLowerCase(Locale.ROOT);
    }
    if (canonicalName.startsWith(METADATA_HEADER_PREFIX)) {
      return canonicalName.substring(METADATA_HEADER_PREFIX.length()).toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static void putAscii(Metadata metadata, String key, String value) {
    if (isPrintableAscii(value)) {
      metadata.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
    }
  }

  private static void putBinary(Metadata metadata, String key, String header, String value) {
    try {
      // padded or not, as Go's decodeBinHeader accepts
      byte[] bytes = Base64.getDecoder().decode(value);
      metadata.put(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER), bytes);
    } catch (IllegalArgumentException e) {
      throw RestException.invalidArgument(
          "invalid binary header " + header + ": " + e.getMessage());
    }
  }

  /**
   * The HTTP headers for the gRPC response headers: {@code Grpc-Metadata-<key>} for every ASCII
   * key.
   */
  static Map<String, List<String>> fromResponseMetadata(@Nullable Metadata metadata) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (metadata == null) {
      return headers;
    }
    for (String key : metadata.keys()) {
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX) || key.startsWith(":")) {
        continue;
      }
      Iterable<String> values =
          metadata.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
      if (values == null) {
        continue;
      }
      List<String> list = new ArrayList<>();
      values.forEach(list::add);
      headers.put(METADATA_HEADER_PREFIX + key, list);
    }
    return headers;
  }

  /**
   * A call deadline from grpc-gateway's {@code Grpc-Timeout} header ({@code 10S}, {@code 500m}), in
   * nanoseconds, or {@code null} when absent.
   *
   * @throws RestException {@code INVALID_ARGUMENT} when malformed
   */
  static @Nullable Long timeoutNanos(RestRequest request) {
    String value = request.header("Grpc-Timeout");
    if (value == null || value.isEmpty()) {
      return null;
    }
    RestException invalid = RestException.invalidArgument("invalid grpc-timeout: " + value);
    if (value.length() < 2) {
      throw invalid;
    }
    TimeUnit unit =
        switch (value.charAt(value.length() - 1)) {
          case 'H' -> TimeUnit.HOURS;
          case 'M' -> TimeUnit.MINUTES;
          case 'S' -> TimeUnit.SECONDS;
          case 'm' -> TimeUnit.MILLISECONDS;
          case 'u' -> TimeUnit.MICROSECONDS;
          case 'n' -> TimeUnit.NANOSECONDS;
          default -> throw invalid;
        };
    try {
      return unit.toNanos(Long.parseLong(value.substring(0, value.length() - 1)));
    } catch (NumberFormatException e) {
      throw invalid;
    }
  }

  /** Go's {@code textproto.CanonicalMIMEHeaderKey}: {@code x-request-id} → {@code X-Request-Id}. */
  static String canonical(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token =
          c == '-'
              || (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || "!#$%&'*+.^_`|~".indexOf(c) >= 0;
      if (!token) {
        return name;
      }
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return out.toString();
  }

  private static boolean isValidKey(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean valid =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
      if (!valid) {
        return false;
      }
    }
    return true;
  }

  private static boolean isReserved(String key) {
    return key.startsWith("grpc-") || RESERVED_KEYS.contains(key);
  }

  private static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }
}
