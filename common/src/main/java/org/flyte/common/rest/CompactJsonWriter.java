package org.flyte.common.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * JSON text without whitespace as UTF-8 bytes, for {@link ProtoJsonPrinter}: the writes a protojson
 * page needs and nothing else. It spells strings exactly as Gson's {@code JsonWriter} does with
 * HTML escaping off, encoded as {@code String.getBytes(UTF_8)} encodes (quote, backslash, control
 * characters, U+2028 and U+2029 escaped; a lone surrogate becomes {@code ?}), and takes names
 * already quoted ({@link #quoted}), so a field's name is escaped once per message type instead of
 * once per field written. Checking that the calls nest is the caller's part: the printer writes one
 * value per name by construction.
 */
final class CompactJsonWriter {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private byte[] bytes;
  private int size;
  private boolean afterValue;

  CompactJsonWriter() {
    this(1024);
  }

  CompactJsonWriter(int capacity) {
    bytes = new byte[Math.max(capacity, 16)];
  }

  /** {@code name} as a JSON string followed by a colon, ready for {@link #name}. */
  static byte[] quoted(String name) {
    CompactJsonWriter out = new CompactJsonWriter(name.length() + 3);
    out.appendString(name);
    out.put((byte) ':');
    return out.toByteArray();
  }

  CompactJsonWriter beginObject() {
    return open((byte) '{');
  }

  CompactJsonWriter endObject() {
    return close((byte) '}');
  }

  CompactJsonWriter beginArray() {
    return open((byte) '[');
  }

  CompactJsonWriter endArray() {
    return close((byte) ']');
  }

  /** A member's name, {@code quotedName} as {@link #quoted} made it. */
  CompactJsonWriter name(byte[] quotedName) {
    separate();
    put(quotedName, 0, quotedName.length);
    afterValue = false;
    return this;
  }

  /** A member's name written as a JSON string. */
  CompactJsonWriter plainName(String name) {
    separate();
    appendString(name);
    put((byte) ':');
    afterValue = false;
    return this;
  }

  CompactJsonWriter value(String string) {
    separate();
    appendString(string);
    afterValue = true;
    return this;
  }

  /**
   * A string given as the UTF-8 bytes {@code utf8[offset, offset + length)} (a string field's wire
   * form): copied as they are when they are ASCII with nothing to escape, otherwise decoded as
   * {@code new String(bytes, UTF_8)} decodes them (what protobuf's own getters return) and written
   * as {@link #value(String)} writes.
   */
  CompactJsonWriter utf8Value(byte[] utf8, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      byte b = utf8[i];
      if (b < 0x20 || b == '"' || b == '\\') { // negative: not ASCII
        return value(new String(utf8, offset, length, StandardCharsets.UTF_8));
      }
    }
    separate();
    ensure(length + 2);
    bytes[size++] = '"';
    System.arraycopy(utf8, offset, bytes, size, length);
    size += length;
    bytes[size++] = '"';
    afterValue = true;
    return this;
  }

  CompactJsonWriter value(boolean bool) {
    return jsonValue(bool ? TRUE : FALSE);
  }

  CompactJsonWriter nullValue() {
    return jsonValue(NULL);
  }

  /** A value already spelled as JSON in ASCII (a number, a literal). */
  CompactJsonWriter jsonValue(String ascii) {
    separate();
    int length = ascii.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) ascii.charAt(i);
    }
    afterValue = true;
    return this;
  }

  /** A value already spelled as JSON, as UTF-8 bytes. */
  CompactJsonWriter jsonValue(byte[] json) {
    separate();
    put(json, 0, json.length);
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

  /** The text written so far. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  private CompactJsonWriter open(byte bracket) {
    separate();
    put(bracket);
    afterValue = false;
    return this;
  }

  private CompactJsonWriter close(byte bracket) {
    put(bracket);
    afterValue = true;
    return this;
  }

  private void separate() {
    if (afterValue) {
      put((byte) ',');
    }
  }

  private void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void put(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  private void appendString(String string) {
    int length = string.length();
    ensure(length * 6 + 2); // the longest spelling of one char is a six-byte escape
    byte[] out = bytes;
    int at = size;
    out[at++] = '"';
    for (int i = 0; i < length; i++) {
      char c = string.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          out[at++] = (byte) c;
        } else {
          at = escape(c, out, at);
        }
      } else if (c < 0x800) {
        out[at++] = (byte) (0xc0 | (c >>> 6));
        out[at++] = (byte) (0x80 | (c & 0x3f));
      } else if (c == '\u2028' || c == '\u2029') {
        at = escape(c, out, at);
      } else if (!Character.isSurrogate(c)) {
        out[at++] = (byte) (0xe0 | (c >>> 12));
        out[at++] = (byte) (0x80 | ((c >>> 6) & 0x3f));
        out[at++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(string.charAt(i + 1))) {
        int code = Character.toCodePoint(c, string.charAt(++i));
        out[at++] = (byte) (0xf0 | (code >>> 18));
        out[at++] = (byte) (0x80 | ((code >>> 12) & 0x3f));
        out[at++] = (byte) (0x80 | ((code >>> 6) & 0x3f));
        out[at++] = (byte) (0x80 | (code & 0x3f));
      } else {
        out[at++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
      }
    }
    out[at++] = '"';
    size = at;
  }

  private static int escape(char c, byte[] out, int at) {
    out[at++] = '\\';
    switch (c) {
      case '"' -> out[at++] = '"';
      case '\\' -> out[at++] = '\\';
      case '\t' -> out[at++] = 't';
      case '\b' -> out[at++] = 'b';
      case '\n' -> out[at++] = 'n';
      case '\r' -> out[at++] = 'r';
      case '\f' -> out[at++] = 'f';
      default -> {
        out[at++] = 'u';
        out[at++] = HEX[c >>> 12];
        out[at++] = HEX[(c >>> 8) & 0xf];
        out[at++] = HEX[(c >>> 4) & 0xf];
        out[at++] = HEX[c & 0xf];
      }
    }
    return at;
  }
}
