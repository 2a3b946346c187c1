package org.flyte.common.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * JSON text without whitespace into one {@link StringBuilder}, for {@link ProtoJsonPrinter}: the
 * writes a protojson page needs and nothing else. It spells strings exactly as Gson's {@code
 * JsonWriter} does with HTML escaping off (quote, backslash, control characters, U+2028 and U+2029
 * escaped; everything else as is), and takes names already quoted ({@link #quoted}), so a field's
 * name is escaped once per message type instead of once per field written. A string with nothing to
 * escape, nearly every string in a page, is appended whole. Checking that the calls nest is the
 * caller's part: the printer writes one value per name by construction.
 */
final class CompactJsonWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder text = new StringBuilder(1024);
  private boolean afterValue;

  /** {@code name} as a JSON string followed by a colon, ready for {@link #name}. */
  static String quoted(String name) {
    StringBuilder out = new StringBuilder(name.length() + 3);
    appendString(out, name);
    return out.append(':').toString();
  }

  CompactJsonWriter beginObject() {
    return open('{');
  }

  CompactJsonWriter endObject() {
    return close('}');
  }

  CompactJsonWriter beginArray() {
    return open('[');
  }

  CompactJsonWriter endArray() {
    return close(']');
  }

  /** A member's name, {@code quotedName} as {@link #quoted} made it. */
  CompactJsonWriter name(String quotedName) {
    separate();
    text.append(quotedName);
    afterValue = false;
    return this;
  }

  /** A member's name written as a JSON string. */
  CompactJsonWriter plainName(String name) {
    separate();
    appendString(text, name);
    text.append(':');
    afterValue = false;
    return this;
  }

  CompactJsonWriter value(String string) {
    separate();
    appendString(text, string);
    afterValue = true;
    return this;
  }

  CompactJsonWriter value(boolean bool) {
    return jsonValue(bool ? "true" : "false");
  }

  CompactJsonWriter nullValue() {
    return jsonValue("null");
  }

  /** A value already spelled as JSON (a number, a literal). */
  CompactJsonWriter jsonValue(String json) {
    separate();
    text.append(json);
    afterValue = true;
    return this;
  }

  /** A tree from Gson's parser, written with this writer's spelling of strings. */
  CompactJsonWriter element(JsonElement element) {
    if (element.isJsonNull()) {
      return nullValue();
    }
    if (element.isJsonPrimitive()) {
      JsonPrimitive primitive = element.getAsJsonPrimitive();
      if (primitive.isString()) {
        return value(primitive.getAsString());
      }
      return primitive.isBoolean()
          ? value(primitive.getAsBoolean())
          : jsonValue(primitive.getAsNumber().toString());
    }
    if (element.isJsonArray()) {
      beginArray();
      for (JsonElement item : (JsonArray) element) {
        element(item);
      }
      return endArray();
    }
    beginObject();
    for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
      plainName(member.getKey());
      element(member.getValue());
    }
    return endObject();
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private CompactJsonWriter open(char bracket) {
    separate();
    text.append(bracket);
    afterValue = false;
    return this;
  }

  private CompactJsonWriter close(char bracket) {
    text.append(bracket);
    afterValue = true;
    return this;
  }

  private void separate() {
    if (afterValue) {
      text.append(',');
    }
  }

  private static void appendString(StringBuilder out, String string) {
    out.append('"');
    int length = string.length();
    int i = 0;
    while (i < length && !escaped(string.charAt(i))) {
      i++;
    }
    if (i == length) {
      out.append(string).append('"');
      return;
    }
    out.append(string, 0, i);
    for (; i < length; i++) {
      char c = string.charAt(i);
      if (!escaped(c)) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        default ->
            out.append("\\u")
                .append(HEX[c >>> 12])
                .append(HEX[(c >>> 8) & 0xf])
                .append(HEX[(c >>> 4) & 0xf])
                .append(HEX[c & 0xf]);
      }
    }
    out.append('"');
  }

  private static boolean escaped(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
  }
}
