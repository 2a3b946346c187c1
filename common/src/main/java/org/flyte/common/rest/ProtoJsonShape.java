package org.flyte.common.rest;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flyte.common.rest.JsonTree.Kind;
import org.flyte.common.rest.JsonTree.Member;
import org.flyte.common.rest.JsonTree.Node;

/**
 * Checks that a JSON tree has the shape protojson accepts for a message before {@code JsonFormat}
 * (which is lenient: it reads {@code 123} or {@code ["a"]} as the string {@code "123"} or {@code
 * "a"}, and keeps the last of duplicate keys) merges it. Follows {@code
 * encoding/protojson/decode.go} and {@code well_known_types.go} (protobuf-go v1.36), with their
 * messages:
 *
 * <ul>
 *   <li>a string or bytes field takes a JSON string, a bool field {@code true} or {@code false},
 *       numbers a number or a string, an enum a string or a number;
 *   <li>a message takes an object (the well-known types their own form), a repeated field an array,
 *       a map an object; {@code null} leaves a field unset but is no list element;
 *   <li>no field twice (by either of its names), no map key twice, one member per oneof;
 *   <li>unknown fields are refused or skipped, as the marshaler says.
 * </ul>
 *
 * Values themselves (number ranges, enum names, timestamps) are left to {@code JsonFormat}.
 */
final class ProtoJsonShape {

  private static final Set<String> STRING_FORMS =
      Set.of("google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask");
  private static final Set<String> WRAPPERS =
      Set.of(
          "google.protobuf.DoubleValue",
          "google.protobuf.FloatValue",
          "google.protobuf.Int64Value",
          "google.protobuf.UInt64Value",
          "google.protobuf.Int32Value",
          "google.protobuf.UInt32Value",
          "google.protobuf.BoolValue",
          "google.protobuf.StringValue",
          "google.protobuf.BytesValue");
  private static final String ANY = "google.protobuf.Any";
  private static final String STRUCT = "google.protobuf.Struct";
  private static final String LIST_VALUE = "google.protobuf.ListValue";
  private static final String VALUE = "google.protobuf.Value";
  private static final String EMPTY = "google.protobuf.Empty";
  private static final String NULL_VALUE = "google.protobuf.NullValue";
  private static final String TYPE_KEY = "@type";

  /** The well-known types with a JSON form of their own rather than an object of their fields. */
  static final Set<String> SPECIAL_FORMS = specialForms();

  private static final Map<Descriptor, Map<String, FieldDescriptor>> JSON_NAMES =
      new ConcurrentHashMap<>();

  private final JsonTree tree;
  private final JsonFormat.TypeRegistry types;
  private final boolean discardUnknown;

  private ProtoJsonShape(JsonTree tree, JsonFormat.TypeRegistry types, boolean discardUnknown) {
    this.tree = tree;
    this.types = types;
    this.discardUnknown = discardUnknown;
  }

  /**
   * @throws InvalidProtocolBufferException with protojson's message at the first misfit
   */
  static void check(
      JsonTree.Parsed parsed,
      Descriptor type,
      JsonFormat.TypeRegistry types,
      boolean discardUnknown)
      throws InvalidProtocolBufferException {
    new ProtoJsonShape(parsed.tree(), types, discardUnknown).message(parsed.root(), type);
  }

  private void message(Node node, Descriptor type) throws InvalidProtocolBufferException {
    String name = type.getFullName();
    if (STRING_FORMS.contains(name)) {
      expect(node, Kind.STRING);
    } else if (WRAPPERS.contains(name)) {
      scalar(node, type.findFieldByName("value"));
    } else if (name.equals(ANY)) {
      any(node);
    } else if (name.equals(STRUCT)) {
      struct(node);
    } else if (name.equals(LIST_VALUE)) {
      listValue(node);
    } else if (name.equals(VALUE)) {
      value(node);
    } else if (name.equals(EMPTY)) {
      expect(node, Kind.OBJECT);
      if (!node.members().isEmpty()) {
        throw unknownField(node.members().get(0));
      }
    } else {
      fields(node, type, false);
    }
  }

  private void fields(Node node, Descriptor type, boolean skipTypeUrl)
      throws InvalidProtocolBufferException {
    expect(node, Kind.OBJECT);
    Set<Integer> seen = new HashSet<>();
    Set<OneofDescriptor> oneofs = new HashSet<>();
    for (Member member : node.members()) {
      if (skipTypeUrl && member.name().equals(TYPE_KEY)) {
        continue;
      }
      FieldDescriptor field = field(type, member.name());
      if (field == null) {
        if (discardUnknown) {
          continue;
        }
        throw unknownField(member);
      }
      if (!seen.add(field.getNumber())) {
        throw tree.error(member.namePosition(), "duplicate field " + quote(member.name()));
      }
      Node value = member.value();
      if (value.kind() == Kind.NULL && !isValue(field) && !isNullValue(field)) {
        continue;
      }
      if (field.isMapField()) {
        map(value, field);
      } else if (field.isRepeated()) {
        expect(value, Kind.ARRAY);
        for (Node element : value.elements()) {
          singular(element, field);
        }
      } else {
        OneofDescriptor oneof = field.getRealContainingOneof();
        if (oneof != null && !oneofs.add(oneof)) {
          throw tree.error(
              member.namePosition(),
              "error parsing "
                  + quote(member.name())
                  + ", oneof "
                  + oneof.getFullName()
                  + " is already set");
        }
        singular(value, field);
      }
    }
  }

  private void map(Node node, FieldDescriptor field) throws InvalidProtocolBufferException {
    expect(node, Kind.OBJECT);
    FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
    Set<String> keys = new HashSet<>();
    for (Member member : node.members()) {
      if (!keys.add(member.name())) {
        throw tree.error(member.namePosition(), "duplicate map key " + quote(member.name()));
      }
      singular(member.value(), valueField);
    }
  }

  private void singular(Node node, FieldDescriptor field) throws InvalidProtocolBufferException {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      message(node, field.getMessageType());
    } else {
      scalar(node, field);
    }
  }

  private void scalar(Node node, FieldDescriptor field) throws InvalidProtocolBufferException {
    Kind kind = node.kind();
    boolean fits =
        switch (field.getJavaType()) {
          case BOOLEAN -> kind == Kind.TRUE || kind == Kind.FALSE;
          case STRING, BYTE_STRING -> kind == Kind.STRING;
          case INT, LONG, FLOAT, DOUBLE -> kind == Kind.NUMBER || kind == Kind.STRING;
          case ENUM ->
              kind == Kind.STRING
                  || kind == Kind.NUMBER
                  || (kind == Kind.NULL && isNullValue(field));
          case MESSAGE -> false;
        };
    if (!fits) {
      throw tree.error(
          node.position(),
          "invalid value for "
              + field.getType().name().toLowerCase(Locale.ROOT)
              + " field "
              + field.getJsonName()
              + ": "
              + token(node));
    }
  }

  private void any(Node node) throws InvalidProtocolBufferException {
    expect(node, Kind.OBJECT);
    if (node.members().isEmpty()) {
      return;
    }
    Member typeUrl = null;
    for (Member member : node.members()) {
      if (member.name().equals(TYPE_KEY)) {
        if (typeUrl != null) {
          throw tree.error(member.namePosition(), "duplicate \"@type\" field");
        }
        typeUrl = member;
      }
    }
    if (typeUrl == null) {
      throw tree.error(node.position(), "missing \"@type\" field");
    }
    if (typeUrl.value().kind() != Kind.STRING) {
      throw tree.error(
          typeUrl.value().position(),
          "@type field value is not a string: " + token(typeUrl.value()));
    }
    String url = typeUrl.value().text();
    Descriptor packed = types.find(url.substring(url.lastIndexOf('/') + 1));
    if (packed == null) {
      return; // JsonFormat answers that the type cannot be resolved
    }
    String name = packed.getFullName();
    if (!SPECIAL_FORMS.contains(name) && !name.equals(ANY)) {
      fields(node, packed, true);
      return;
    }
    Member value = null;
    for (Member member : node.members()) {
      if (member.name().equals("value")) {
        if (value != null) {
          throw tree.error(member.namePosition(), "duplicate \"value\" field");
        }
        value = member;
      } else if (!member.name().equals(TYPE_KEY)) {
        throw unknownField(member);
      }
    }
    if (value == null) {
      throw tree.error(node.position(), "missing \"value\" field");
    }
    message(value.value(), packed);
  }

  private void struct(Node node) throws InvalidProtocolBufferException {
    expect(node, Kind.OBJECT);
    Set<String> keys = new HashSet<>();
    for (Member member : node.members()) {
      if (!keys.add(member.name())) {
        throw tree.error(member.namePosition(), "duplicate map key " + quote(member.name()));
      }
      value(member.value());
    }
  }

  private void listValue(Node node) throws InvalidProtocolBufferException {
    expect(node, Kind.ARRAY);
    for (Node element : node.elements()) {
      value(element);
    }
  }

  private void value(Node node) throws InvalidProtocolBufferException {
    if (node.kind() == Kind.OBJECT) {
      struct(node);
    } else if (node.kind() == Kind.ARRAY) {
      listValue(node);
    }
  }

  private void expect(Node node, Kind kind) throws InvalidProtocolBufferException {
    if (node.kind() != kind) {
      throw tree.syntaxError(node.position(), "unexpected token " + token(node));
    }
  }

  private InvalidProtocolBufferException unknownField(Member member) {
    return tree.error(member.namePosition(), "unknown field " + quote(member.name()));
  }

  /** The token at the start of a value, as protojson prints it ({@code tok.RawString()}). */
  private String token(Node node) {
    return switch (node.kind()) {
      case OBJECT -> "{";
      case ARRAY -> "[";
      default -> tree.raw(node);
    };
  }

  private static Set<String> specialForms() {
    Set<String> forms = new HashSet<>(STRING_FORMS);
    forms.addAll(WRAPPERS);
    forms.addAll(Set.of(STRUCT, LIST_VALUE, VALUE));
    return Set.copyOf(forms);
  }

  private static FieldDescriptor field(Descriptor type, String name) {
    FieldDescriptor byJsonName =
        JSON_NAMES
            .computeIfAbsent(
                type,
                t -> {
                  Map<String, FieldDescriptor> names = new HashMap<>();
                  t.getFields().forEach(f -> names.put(f.getJsonName(), f));
                  return names;
                })
            .get(name);
    return byJsonName != null ? byJsonName : type.findFieldByName(name);
  }

  private static boolean isValue(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && field.getMessageType().getFullName().equals(VALUE);
  }

  private static boolean isNullValue(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.ENUM
        && field.getEnumType().getFullName().equals(NULL_VALUE);
  }

  private static String quote(String name) {
    return "\"" + name + "\"";
  }
}
