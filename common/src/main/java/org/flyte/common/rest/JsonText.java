package org.flyte.common.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a JSON body, decoded as strict UTF-8, and protojson's errors about it: messages with
 * {@code (line L:C)} positions counted in code points, and Go's quoting of offending text
 * (protobuf-go v1.36, {@code internal/encoding/json}).
 */
final class JsonText {

  private final String source;

  private JsonText(String source) {
    this.source = source;
  }

  /** The decoded text. */
  String source() {
    return source;
  }

  /** protojson's {@code newError}: {@code proto: (line L:C): message}. */
  InvalidProtocolBufferException error(int position, String message) {
    return new InvalidProtocolBufferException("proto: (" + lineColumn(position) + "): " + message);
  }

  /** protojson's {@code syntaxError}: {@code proto: syntax error (line L:C): message}. */
  InvalidProtocolBufferException syntaxError(int position, String message) {
    return new InvalidProtocolBufferException(
        "proto: syntax error (" + lineColumn(position) + "): " + message);
  }

  /**
   * Decodes {@code body} as strict UTF-8.
   *
   * @throws InvalidProtocolBufferException protojson's {@code invalid UTF-8} at the string holding
   *     the first malformed byte
   */
  static JsonText decode(byte[] body) throws InvalidProtocolBufferException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      JsonText prefix = new JsonText(out.flip().toString());
      int stringStart = prefix.openStringStart();
      throw stringStart < 0
          ? prefix.syntaxError(prefix.source.length(), "invalid value \uFFFD")
          : prefix.syntaxError(stringStart, "invalid UTF-8 in string");
    }
    decoder.flush(out);
    return new JsonText(out.flip().toString());
  }

  /** Where the string that is still open at the end of the text starts, or -1. */
  private int openStringStart() {
    int start = -1;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (start < 0 && c == '"') {
        start = i;
      } else if (start >= 0 && c == '\\') {
        i++;
      } else if (start >= 0 && c == '"') {
        start = -1;
      }
    }
    return start;
  }

  private String lineColumn(int position) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < position && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = source.codePointCount(lineStart, Math.min(position, source.length())) + 1;
    return "line " + line + ":" + column;
  }

  /** Go's {@code %q} of a string of ASCII text. */
  static String goQuote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Go's {@code %q} of a control character. */
  static String goQuoteRune(char c) {
    return switch (c) {
      case '\b' -> "'\\b'";
      case '\f' -> "'\\f'";
      case '\n' -> "'\\n'";
      case '\r' -> "'\\r'";
      case '\t' -> "'\\t'";
      default -> String.format("'\\x%02x'", (int) c);
    };
  }
}
