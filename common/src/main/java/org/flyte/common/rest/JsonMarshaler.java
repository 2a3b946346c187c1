package org.flyte.common.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/**
 * Protobuf JSON bodies with the options of grpc-gateway v2's {@code runtime.JSONPb} as FlyteAdmin
 * registers them ({@code flyteadmin/pkg/server/service.go}): the codec rule of the REST gateway
 * lives here.
 *
 * <ul>
 *   <li>{@link #protoNames} ({@code application/json}): proto field names ({@code UseProtoNames}),
 *       unknown request fields rejected (DiscardUnknown off);
 *   <li>{@link #jsonNames} (every other media type): lowerCamel JSON names, unknown request fields
 *       ignored (the gateway's default marshaler).
 * </ul>
 *
 * <p>Both emit unpopulated fields the way protojson's {@code EmitUnpopulated} does: scalars and
 * enums with their defaults, empty lists and maps, and singular message fields (and other fields
 * with presence outside a oneof) as {@code null}; unset oneof members, proto3 {@code optional}
 * fields included, are omitted, fields in declaration order as protojson writes them ({@link
 * ProtoJsonPrinter}: {@link JsonFormat} cannot print {@code null}).
 */
public final class JsonMarshaler implements RestMarshaler {

  public static final String CONTENT_TYPE = "application/json";

  private final JsonFormat.TypeRegistry types;
  private final boolean discardUnknown;
  private final ProtoJsonPrinter json;
  private final JsonFormat.Parser parser;

  private JsonMarshaler(
      JsonFormat.TypeRegistry types, boolean useProtoNames, boolean discardUnknown) {
    this.types = types;
    this.discardUnknown = discardUnknown;
    JsonFormat.Printer p =
        JsonFormat.printer()
            .usingTypeRegistry(types)
            .alwaysPrintFieldsWithNoPresence()
            .omittingInsignificantWhitespace();
    this.json =
        new ProtoJsonPrinter(
            types, useProtoNames, useProtoNames ? p.preservingProtoFieldNames() : p);
    JsonFormat.Parser q = JsonFormat.parser().usingTypeRegistry(types);
    this.parser = discardUnknown ? q.ignoringUnknownFields() : q;
  }

  /**
   * The {@code application/json} marshaler: {@code UseProtoNames}, {@code EmitUnpopulated}, {@code
   * EmitDefaultValues}, unknown fields rejected.
   */
  public static JsonMarshaler protoNames(JsonFormat.TypeRegistry types) {
    return new JsonMarshaler(types, true, false);
  }

  /**
   * The wildcard marshaler (grpc-gateway's default): JSON names, {@code EmitUnpopulated}, {@code
   * DiscardUnknown}.
   */
  public static JsonMarshaler jsonNames(JsonFormat.TypeRegistry types) {
    return new JsonMarshaler(types, false, true);
  }

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  /**
   * Reads the body as protojson does: strict UTF-8 JSON ({@link JsonTree}) of the message's shape
   * ({@link ProtoJsonShape}), then merged by {@code JsonFormat}. Blank bodies are left to the
   * caller (they decode to the empty message, like {@code io.EOF}).
   */
  @Override
  public void merge(byte[] body, Message.Builder into) throws InvalidProtocolBufferException {
    JsonTree.Parsed parsed = JsonTree.parse(body);
    ProtoJsonShape.check(parsed, into.getDescriptorForType(), types, discardUnknown);
    parser.merge(parsed.tree().source(), into);
  }

  @Override
  public byte[] marshal(Message message) throws InvalidProtocolBufferException {
    return json.bytes(message);
  }

  /** The JSON text of {@code message}, unpopulated fields included. */
  public String print(Message message) throws InvalidProtocolBufferException {
    return json.print(message);
  }
}
