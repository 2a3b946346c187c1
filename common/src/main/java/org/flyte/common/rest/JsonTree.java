package org.flyte.common.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request body read as strict JSON (RFC 8259, UTF-8) into a tree that remembers where each value
 * starts, as protojson's tokenizer reads it ({@code internal/encoding/json}, protobuf-go v1.36):
 * invalid UTF-8, comments, single quotes, unquoted names, {@code NaN}, leading zeros, control
 * characters and lone surrogate escapes in strings, and anything after the value are refused with
 * protojson's messages and line:column positions. Gson, under {@code JsonFormat}, accepts most of
 * these.
 */
final class JsonTree {

  /** Nesting deeper than this is refused; protobuf parsing stops at 100 message levels anyway. */
  static final int MAX_DEPTH = 1000;

  enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL
  }

  /** One member of an object: its name as decoded, where the name starts, and its value. */
  record Member(String name, int namePosition, Node value) {}

  /**
   * A JSON value. {@code text} is the decoded string of a STRING; {@code members} and {@code
   * elements} hold an OBJECT's or ARRAY's content in order.
   */
  record Node(
      Kind kind,
      int position,
      int end,
      @Nullable String text,
      @Nullable List<Member> members,
      @Nullable List<Node> elements) {}

  private final JsonText text;
  private final String source;
  private int at;

  private JsonTree(JsonText text) {
    this.text = text;
    this.source = text.source();
  }

  /** The source text. */
  String source() {
    return source;
  }

  /**
   * Decodes {@code body} as UTF-8 and parses one JSON value from it.
   *
   * @throws InvalidProtocolBufferException with protojson's message when it is not strict JSON
   */
  static Parsed parse(byte[] body) throws InvalidProtocolBufferException {
    JsonTree tree = new JsonTree(JsonText.decode(body));
    tree.skipWhitespace();
    Node root = tree.value(0);
    tree.skipWhitespace();
    if (tree.at < tree.source.length()) {
      throw tree.unexpected();
    }
    return new Parsed(tree, root);
  }

  /** A parsed body: the tree for positions and raw text, and its root value. */
  record Parsed(JsonTree tree, Node root) {}

  /** The text of a value as it was sent. */
  String raw(Node node) {
    return source.substring(node.position(), node.end());
  }

  /** protojson's {@code newError} at {@code position}. */
  InvalidProtocolBufferException error(int position, String message) {
    return text.error(position, message);
  }

  /** protojson's {@code syntaxError} at {@code position}. */
  InvalidProtocolBufferException syntaxError(int position, String message) {
    return text.syntaxError(position, message);
  }

  private Node value(int depth) throws InvalidProtocolBufferException {
    if (depth > MAX_DEPTH) {
      throw new InvalidProtocolBufferException("proto: exceeded max recursion depth");
    }
    if (at >= source.length()) {
      throw new InvalidProtocolBufferException("proto: unexpected EOF");
    }
    int start = at;
    char c = source.charAt(at);
    return switch (c) {
      case '{' -> object(start, depth);
      case '[' -> array(start, depth);
      case '"' -> {
        String text = string();
        yield new Node(Kind.STRING, start, at, text, null, null);
      }
      case 't' -> literal("true", Kind.TRUE);
      case 'f' -> literal("false", Kind.FALSE);
      case 'n' -> literal("null", Kind.NULL);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw invalidValue(start);
      }
    };
  }

  private Node object(int start, int depth) throws InvalidProtocolBufferException {
    at++;
    List<Member> members = new ArrayList<>();
    skipWhitespace();
    if (peek() == '}') {
      at++;
      return new Node(Kind.OBJECT, start, at, null, members, null);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw unexpected();
      }
      int namePosition = at;
      String name = string();
      skipWhitespace();
      if (peek() != ':') {
        if (at >= source.length()) {
          throw new InvalidProtocolBufferException("proto: unexpected EOF");
        }
        throw syntaxError(
            at,
            "unexpected character "
                + source.substring(at, source.offsetByCodePoints(at, 1))
                + ", missing \":\" after field name");
      }
      at++;
      skipWhitespace();
      members.add(new Member(name, namePosition, value(depth + 1)));
      skipWhitespace();
      char next = peek();
      at++;
      if (next == '}') {
        return new Node(Kind.OBJECT, start, at, null, members, null);
      }
      if (next != ',') {
        at--;
        throw unexpected();
      }
    }
  }

  private Node array(int start, int depth) throws InvalidProtocolBufferException {
    at++;
    List<Node> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      at++;
      return new Node(Kind.ARRAY, start, at, null, null, elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth + 1));
      skipWhitespace();
      char next = peek();
      at++;
      if (next == ']') {
        return new Node(Kind.ARRAY, start, at, null, null, elements);
      }
      if (next != ',') {
        at--;
        throw unexpected();
      }
    }
  }

  private String string() throws InvalidProtocolBufferException {
    int start = at;
    at++; // the opening quote
    StringBuilder text = new StringBuilder();
    while (true) {
      if (at >= source.length()) {
        throw new InvalidProtocolBufferException("proto: unexpected EOF");
      }
      char c = source.charAt(at);
      if (c == '"') {
        at++;
        return text.toString();
      }
      if (c < 0x20) {
        throw syntaxError(start, "invalid character " + JsonText.goQuoteRune(c) + " in string");
      }
      if (c != '\\') {
        text.append(c);
        at++;
        continue;
      }
      int escape = at;
      char code = at + 1 < source.length() ? source.charAt(at + 1) : 0;
      at += 2;
      switch (code) {
        case '"', '\\', '/' -> text.append(code);
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'u' -> text.appendCodePoint(unicodeEscape(start, escape));
        default ->
            throw syntaxError(
                start,
                "invalid escape code "
                    + JsonText.goQuote(
                        source.substring(escape, Math.min(escape + 2, source.length())))
                    + " in string");
      }
    }
  }

  /** A {@code \}{@code uXXXX} escape starting at {@code escape}, surrogate pairs joined. */
  private int unicodeEscape(int start, int escape) throws InvalidProtocolBufferException {
    int unit = hex4(start, escape);
    at = escape + 6;
    if (!Character.isSurrogate((char) unit)) {
      return unit;
    }
    if (Character.isHighSurrogate((char) unit)
        && source.startsWith("\\u", at)
        && at + 6 <= source.length()) {
      int low = hex4(start, at);
      if (Character.isLowSurrogate((char) low)) {
        at += 6;
        return Character.toCodePoint((char) unit, (char) low);
      }
    }
    throw badEscape(start, escape);
  }

  private InvalidProtocolBufferException badEscape(int start, int escape) {
    return syntaxError(
        start, "invalid escape code " + JsonText.goQuote(escapeText(escape)) + " in string");
  }

  private int hex4(int start, int escape) throws InvalidProtocolBufferException {
    if (escape + 6 > source.length()) {
      throw badEscape(start, escape);
    }
    int value = 0;
    for (int i = escape + 2; i < escape + 6; i++) {
      int digit = Character.digit(source.charAt(i), 16);
      if (digit < 0) {
        throw badEscape(start, escape);
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private String escapeText(int escape) {
    return source.substring(escape, Math.min(escape + 6, source.length()));
  }

  private Node number() throws InvalidProtocolBufferException {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    if (peek() == '0') {
      at++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw invalidValue(start);
    }
    if (peek() == '.') {
      at++;
      if (!isDigit(peek())) {
        throw invalidValue(start);
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      at++;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      if (!isDigit(peek())) {
        throw invalidValue(start);
      }
      digits();
    }
    if (at < source.length() && !isDelimiter(source.charAt(at))) {
      throw invalidValue(start);
    }
    return new Node(Kind.NUMBER, start, at, null, null, null);
  }

  private Node literal(String word, Kind kind) throws InvalidProtocolBufferException {
    int start = at;
    if (!source.startsWith(word, at)
        || (at + word.length() < source.length()
            && !isDelimiter(source.charAt(at + word.length())))) {
      throw invalidValue(start);
    }
    at += word.length();
    return new Node(kind, start, at, null, null, null);
  }

  private void digits() {
    while (isDigit(peek())) {
      at++;
    }
  }

  private char peek() {
    return at < source.length() ? source.charAt(at) : 0;
  }

  private void skipWhitespace() {
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  /**
   * What protojson says about a token where it wants another: {@code unexpected token} for a JSON
   * token (its raw text), {@code invalid value} for anything else.
   */
  private InvalidProtocolBufferException unexpected() {
    if (at >= source.length()) {
      return new InvalidProtocolBufferException("proto: unexpected EOF");
    }
    int start = at;
    try {
      Node token = value(MAX_DEPTH);
      String raw =
          switch (token.kind()) {
            case OBJECT -> "{";
            case ARRAY -> "[";
            default -> source.substring(start, token.end());
          };
      return syntaxError(start, "unexpected token " + raw);
    } catch (InvalidProtocolBufferException e) {
      char c = source.charAt(start);
      if (c == '{' || c == '[') {
        return syntaxError(start, "unexpected token " + c);
      }
      if (c == '}' || c == ']' || c == ',' || c == ':') {
        return syntaxError(start, "unexpected token " + c);
      }
      return e;
    } finally {
      at = start;
    }
  }

  /** protojson's {@code invalid value} with the text Go shows: a word of up to 32, or one char. */
  private InvalidProtocolBufferException invalidValue(int position) {
    int end = position;
    while (end < source.length() && end - position < 32 && isWordChar(source.charAt(end))) {
      end++;
    }
    if (end == position) {
      end = source.offsetByCodePoints(position, 1);
    }
    return syntaxError(position, "invalid value " + source.substring(position, end));
  }

  private static boolean isWordChar(char c) {
    return c == '-'
        || c == '+'
        || c == '.'
        || c == '_'
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9');
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' || c == '{'
        || c == '}' || c == '[' || c == ']' || c == '"';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
