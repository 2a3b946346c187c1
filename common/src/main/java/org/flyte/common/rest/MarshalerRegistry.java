package org.flyte.common.rest;

import com.google.protobuf.util.JsonFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Marshalers by MIME type and their selection for a request, as grpc-gateway v2's {@code
 * MarshalerForRequest} does it ({@code runtime/marshaler_registry.go}): the outbound marshaler is
 * the first {@code Accept} header value that <em>exactly</em> equals a registered type (so {@code
 * application/json, text/plain} matches nothing); the inbound one is the first {@code Content-Type}
 * whose media type (lower-cased, parameters dropped) is registered, else the wildcard; outbound
 * falls back to inbound.
 */
public final class MarshalerRegistry {

  /** The key of the marshaler used when no header matches. */
  public static final String WILDCARD = "*";

  private final Map<String, RestMarshaler> byMimeType;

  /**
   * @param byMimeType marshalers by case-sensitive MIME type; must contain {@link #WILDCARD}
   */
  public MarshalerRegistry(Map<String, RestMarshaler> byMimeType) {
    if (!byMimeType.containsKey(WILDCARD)) {
      throw new IllegalArgumentException("a marshaler for '*' is required");
    }
    this.byMimeType = Map.copyOf(byMimeType);
  }

  /**
   * FlyteAdmin's registrations: {@code application/octet-stream} binary protobuf, {@code
   * application/json} snake_case JSON rejecting unknown fields, and lowerCamel JSON ignoring
   * unknown fields for everything else.
   */
  public static MarshalerRegistry flyteAdmin(JsonFormat.TypeRegistry types) {
    Map<String, RestMarshaler> marshalers = new LinkedHashMap<>();
    marshalers.put(ProtoMarshaler.CONTENT_TYPE, new ProtoMarshaler());
    marshalers.put(JsonMarshaler.CONTENT_TYPE, JsonMarshaler.protoNames(types));
    marshalers.put(WILDCARD, JsonMarshaler.jsonNames(types));
    return new MarshalerRegistry(marshalers);
  }

  /** The marshaler registered for a MIME type, or the wildcard one. */
  public RestMarshaler forMimeType(String mimeType) {
    return byMimeType.getOrDefault(mimeType, byMimeType.get(WILDCARD));
  }

  /**
   * Picks the marshalers for a request.
   *
   * @param accept the values of every {@code Accept} header line, in order
   * @param contentType the values of every {@code Content-Type} header line, in order
   */
  public Selection select(List<String> accept, List<String> contentType) {
    RestMarshaler outbound = null;
    for (String value : accept) {
      outbound = byMimeType.get(value);
      if (outbound != null) {
        break;
      }
    }
    RestMarshaler inbound = null;
    for (String value : contentType) {
      String mediaType = mediaType(value);
      inbound = mediaType.isEmpty() ? null : byMimeType.get(mediaType);
      if (inbound != null) {
        break;
      }
    }
    if (inbound == null) {
      inbound = byMimeType.get(WILDCARD);
    }
    return new Selection(inbound, outbound == null ? inbound : outbound);
  }

  /** {@code mime.ParseMediaType}'s media type: before any ';', trimmed, lower-cased. */
  static String mediaType(String headerValue) {
    int semicolon = headerValue.indexOf(';');
    String type = semicolon < 0 ? headerValue : headerValue.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /** The marshaler decoding the request body and the one encoding the answer. */
  public record Selection(RestMarshaler inbound, RestMarshaler outbound) {}
}
