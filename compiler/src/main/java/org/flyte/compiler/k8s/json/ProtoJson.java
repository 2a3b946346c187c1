package org.flyte.compiler.k8s.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.util.Map;

/**
 * Protobuf messages as FlytePropeller writes them inside the custom resource: {@code
 * flytestdlib/utils.MarshalPbToBytes}, i.e. {@code github.com/golang/protobuf/jsonpb} with default
 * options (lowerCamel names, enums by name, 64-bit integers as strings, default values left out),
 * read back leniently (unknown fields ignored, as its unmarshaler allows them).
 *
 * <p>{@link JsonFormat} prints the same tree but for floats, which Java writes as {@code 1.0} where
 * Go writes {@code 1}: every number with a fraction or exponent is rewritten in Go's notation
 * ({@link GoValues#formatFloat}). Integers never carry either, so only floats are touched.
 */
public final class ProtoJson {

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private ProtoJson() {}

  /** {@code message} as jsonpb writes it. */
  public static JsonElement write(MessageOrBuilder message) {
    try {
      return goFloats(JsonParser.parseString(PRINTER.print(message)));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("cannot write " + message.getClass().getName(), e);
    }
  }

  /**
   * Reads jsonpb text into {@code builder}.
   *
   * @throws IllegalArgumentException when the JSON does not fit the message
   */
  public static <B extends Message.Builder> B read(JsonElement json, B builder) {
    try {
      PARSER.merge(json.toString(), builder);
      return builder;
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          "not a " + builder.getDescriptorForType().getFullName() + ": " + e.getMessage(), e);
    }
  }

  private static JsonElement goFloats(JsonElement json) {
    if (json.isJsonObject()) {
      JsonObject object = json.getAsJsonObject();
      for (Map.Entry<String, JsonElement> e : object.entrySet()) {
        e.setValue(goFloats(e.getValue()));
      }
    } else if (json.isJsonArray()) {
      JsonArray array = json.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        array.set(i, goFloats(array.get(i)));
      }
    } else if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isNumber()) {
      String text = json.getAsNumber().toString();
      if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
        return JsonParser.parseString(GoValues.formatFloat(text));
      }
    }
    return json;
  }
}
