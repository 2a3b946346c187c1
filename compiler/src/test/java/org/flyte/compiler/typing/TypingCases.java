package org.flyte.compiler.typing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the typing tables under {@code src/test/resources/typing}: our own cases, each answered by
 * Flyte v1.16.8's compiler when it was written.
 */
final class TypingCases {

  private TypingCases() {}

  static JsonArray read(String name) {
    try (InputStream in = TypingCases.class.getResourceAsStream("/typing/" + name)) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T extends Message.Builder> T proto(JsonObject record, String field, T builder) {
    JsonElement json = record.get(field);
    try {
      JsonFormat.parser().merge(json.toString(), builder);
      return builder;
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(json.toString(), e);
    }
  }
}
