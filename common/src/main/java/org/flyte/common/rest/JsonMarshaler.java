package org.flyte.common.rest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

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
 * fields included, are omitted. {@link JsonFormat} cannot print {@code null}, so its output is
 * post-processed here, walking the printed tree with the message descriptors (through {@code Any}
 * via the type registry) and writing fields in declaration order as protojson does.
 */
public final class JsonMarshaler implements RestMarshaler {

  public static final String CONTENT_TYPE = "application/json";

  /** Types that protojson prints in a special form rather than as an object of their fields. */
  private static final Set<String> SPECIAL_FORM_TYPES = ProtoJsonShape.SPECIAL_FORMS;

  private static final String ANY = "google.protobuf.Any";
  private static final String TYPE_KEY = "@type";

  private static final Gson GSON =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private final JsonFormat.TypeRegistry types;
  private final boolean useProtoNames;
  private final boolean discardUnknown;
  private final JsonFormat.Printer printer;
  private final JsonFormat.Parser parser;

  private JsonMarshaler(
      JsonFormat.TypeRegistry types, boolean useProtoNames, boolean discardUnknown) {
    this.types = types;
    this.useProtoNames = useProtoNames;
    this.discardUnknown = discardUnknown;
    JsonFormat.Printer p =
        JsonFormat.printer()
            .usingTypeRegistry(types)
            .alwaysPrintFieldsWithNoPresence()
            .omittingInsignificantWhitespace();
    this.printer = useProtoNames ? p.preservingProtoFieldNames() : p;
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
    return print(message).getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON text of {@code message}, unpopulated fields included. */
  public String print(Message message) throws InvalidProtocolBufferException {
    JsonElement printed = JsonParser.parseString(printer.print(message));
    return GSON.toJson(withUnpopulated(printed, message.getDescriptorForType()));
  }

  private JsonElement withUnpopulated(JsonElement element, Descriptor type) {
    if (!element.isJsonObject()) {
      return element;
    }
    JsonObject printed = element.getAsJsonObject();
    String typeName = type.getFullName();
    if (SPECIAL_FORM_TYPES.contains(typeName)) {
      return element;
    }
    if (typeName.equals(ANY)) {
      return anyWithUnpopulated(printed);
    }
    JsonObject complete = new JsonObject();
    for (FieldDescriptor field : type.getFields()) {
      String name = useProtoNames ? field.getName() : field.getJsonName();
      JsonElement value = printed.get(name);
      if (value != null) {
        complete.add(name, fieldWithUnpopulated(field, value));
      } else if (field.hasPresence() && field.getContainingOneof() == null) {
        complete.add(name, JsonNull.INSTANCE);
      }
    }
    for (Map.Entry<String, JsonElement> entry : printed.entrySet()) {
      if (!complete.has(entry.getKey())) {
        complete.add(entry.getKey(), entry.getValue()); // extensions, if any
      }
    }
    return complete;
  }

  private JsonElement fieldWithUnpopulated(FieldDescriptor field, JsonElement value) {
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return value;
    }
    if (field.isMapField()) {
      FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
      if (valueField.getJavaType() != FieldDescriptor.JavaType.MESSAGE || !value.isJsonObject()) {
        return value;
      }
      JsonObject map = new JsonObject();
      for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
        map.add(entry.getKey(), withUnpopulated(entry.getValue(), valueField.getMessageType()));
      }
      return map;
    }
    if (field.isRepeated()) {
      if (!value.isJsonArray()) {
        return value;
      }
      JsonArray list = new JsonArray();
      for (JsonElement item : value.getAsJsonArray()) {
        list.add(withUnpopulated(item, field.getMessageType()));
      }
      return list;
    }
    return withUnpopulated(value, field.getMessageType());
  }

  private JsonElement anyWithUnpopulated(JsonObject printed) {
    JsonElement typeUrl = printed.get(TYPE_KEY);
    if (typeUrl == null || !typeUrl.isJsonPrimitive()) {
      return printed;
    }
    String url = typeUrl.getAsString();
    Descriptor packed = types.find(url.substring(url.lastIndexOf('/') + 1));
    if (packed == null) {
      return printed;
    }
    JsonObject complete = new JsonObject();
    complete.add(TYPE_KEY, typeUrl);
    if (SPECIAL_FORM_TYPES.contains(packed.getFullName()) || packed.getFullName().equals(ANY)) {
      for (Map.Entry<String, JsonElement> entry : printed.entrySet()) {
        if (entry.getKey().equals("value")) {
          complete.add("value", withUnpopulated(entry.getValue(), packed));
        } else if (!entry.getKey().equals(TYPE_KEY)) {
          complete.add(entry.getKey(), entry.getValue());
        }
      }
      return complete;
    }
    JsonObject fields = new JsonObject();
    for (Map.Entry<String, JsonElement> entry : printed.entrySet()) {
      if (!entry.getKey().equals(TYPE_KEY)) {
        fields.add(entry.getKey(), entry.getValue());
      }
    }
    for (Map.Entry<String, JsonElement> entry :
        withUnpopulated(fields, packed).getAsJsonObject().entrySet()) {
      complete.add(entry.getKey(), entry.getValue());
    }
    return complete;
  }
}
