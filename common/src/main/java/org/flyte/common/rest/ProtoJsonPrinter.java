package org.flyte.common.rest;

import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a message as protojson with {@code EmitUnpopulated} in one pass over the message, straight
 * into UTF-8 ({@link CompactJsonWriter}): fields in declaration order, scalars and enums without
 * presence with their defaults, empty lists and maps, unset singular fields with presence outside a
 * oneof as {@code null}, unset oneof members omitted. Values are spelled as protobuf-java's {@link
 * JsonFormat} spells them (64-bit integers and bytes quoted, {@code NaN} and infinities as strings,
 * unknown enum numbers as numbers), the well-known types in their special forms. It replaces
 * printing with {@code JsonFormat}, parsing that text back and walking the tree, which cost four
 * passes per page (bench/results/rest-encoding.md).
 *
 * <p>What depends only on a message type (its fields, their quoted names, which of the rules above
 * each follows, the text of each default) is worked out once per type and kept ({@link Plan}). A
 * message is read from its wire form ({@link WireJsonTranscoder}); this class's walk over the
 * getters writes the well-known types and whatever that reading hands back, and is the reference
 * the transcoder is tested against (ADR 0043).
 */
final class ProtoJsonPrinter {

  private static final String ANY = "google.protobuf.Any";
  private static final String NULL_VALUE = "google.protobuf.NullValue";
  private static final byte[] TYPE_KEY = CompactJsonWriter.quoted("@type");
  private static final byte[] VALUE_KEY = CompactJsonWriter.quoted("value");

  private final JsonFormat.TypeRegistry types;
  private final boolean useProtoNames;
  private final JsonFormat.Printer specialForms;
  private final Map<Descriptor, Plan> plans = new ConcurrentHashMap<>();

  ProtoJsonPrinter(JsonFormat.TypeRegistry types, boolean useProtoNames, JsonFormat.Printer p) {
    this.types = types;
    this.useProtoNames = useProtoNames;
    this.specialForms = p;
  }

  /** The JSON text of {@code message}. */
  String print(Message message) throws InvalidProtocolBufferException {
    return write(message).toString();
  }

  /** The JSON text of {@code message} as UTF-8. */
  byte[] bytes(Message message) throws InvalidProtocolBufferException {
    return write(message).toByteArray();
  }

  /**
   * A message of fields goes through its wire form ({@link WireJsonTranscoder}: protobuf's own
   * serialization, then no reflection); a well-known type at the top through the getters.
   */
  private CompactJsonWriter write(Message message) throws InvalidProtocolBufferException {
    Descriptor type = message.getDescriptorForType();
    if (plan(type).kind() != Kind.OBJECT) {
      CompactJsonWriter out = new CompactJsonWriter();
      value(message, out);
      return out;
    }
    byte[] wire = message.toByteArray();
    // a page's JSON is about 3.5 times its wire form; a large message grows the buffer as it goes
    CompactJsonWriter out = new CompactJsonWriter((int) Math.min(wire.length * 4L + 64, 1 << 20));
    new WireJsonTranscoder(this, wire, out).message(type, 0, wire.length);
    return out;
  }

  /** How a field is written when it holds nothing, and whether it is a list or a map. */
  enum Shape {
    LIST,
    MAP,
    ALWAYS,
    NULL_WHEN_UNSET,
    OMITTED_WHEN_UNSET
  }

  enum Kind {
    OBJECT,
    SPECIAL_FORM,
    ANY
  }

  /**
   * A message type's part of the work, done once per type: its fields in declaration order, their
   * names quoted, their shapes and the JSON of each {@link Shape#ALWAYS} field's default value.
   */
  record Plan(
      Kind kind, FieldDescriptor[] fields, byte[][] names, Shape[] shapes, byte[][] defaults) {}

  Plan plan(Descriptor type) {
    Plan plan = plans.get(type);
    return plan != null ? plan : plans.computeIfAbsent(type, this::newPlan);
  }

  private Plan newPlan(Descriptor type) {
    String typeName = type.getFullName();
    Kind kind =
        ProtoJsonShape.SPECIAL_FORMS.contains(typeName)
            ? Kind.SPECIAL_FORM
            : typeName.equals(ANY) ? Kind.ANY : Kind.OBJECT;
    List<FieldDescriptor> declared = type.getFields();
    FieldDescriptor[] fields = declared.toArray(FieldDescriptor[]::new);
    byte[][] names = new byte[fields.length][];
    Shape[] shapes = new Shape[fields.length];
    byte[][] defaults = new byte[fields.length][];
    for (int i = 0; i < fields.length; i++) {
      FieldDescriptor field = fields[i];
      names[i] = CompactJsonWriter.quoted(useProtoNames ? field.getName() : field.getJsonName());
      shapes[i] =
          field.isMapField()
              ? Shape.MAP
              : field.isRepeated()
                  ? Shape.LIST
                  : !field.hasPresence()
                      ? Shape.ALWAYS
                      : field.getContainingOneof() == null
                          ? Shape.NULL_WHEN_UNSET
                          : Shape.OMITTED_WHEN_UNSET;
      if (shapes[i] == Shape.ALWAYS) {
        CompactJsonWriter text = new CompactJsonWriter(16);
        try {
          single(field, field.getDefaultValue(), text);
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException(e); // a scalar's default is never a message
        }
        defaults[i] = text.toByteArray();
      }
    }
    return new Plan(kind, fields, names, shapes, defaults);
  }

  void value(Message message, CompactJsonWriter out) throws InvalidProtocolBufferException {
    Plan plan = plan(message.getDescriptorForType());
    switch (plan.kind()) {
      case SPECIAL_FORM -> specialForm(message, out);
      case ANY -> any(message, out);
      case OBJECT -> {
        out.beginObject();
        fields(plan, message, out);
        out.endObject();
      }
    }
  }

  private void fields(Plan plan, Message message, CompactJsonWriter out)
      throws InvalidProtocolBufferException {
    FieldDescriptor[] fields = plan.fields();
    Shape[] shapes = plan.shapes();
    for (int i = 0; i < fields.length; i++) {
      FieldDescriptor field = fields[i];
      switch (shapes[i]) {
        case MAP -> {
          out.name(plan.names()[i]);
          map(field, (List<?>) message.getField(field), out);
        }
        case LIST -> {
          out.name(plan.names()[i]).beginArray();
          for (Object item : (List<?>) message.getField(field)) {
            single(field, item, out);
          }
          out.endArray();
        }
        case ALWAYS -> single(field, message.getField(field), out.name(plan.names()[i]));
        case NULL_WHEN_UNSET -> {
          out.name(plan.names()[i]);
          if (message.hasField(field)) {
            single(field, message.getField(field), out);
          } else {
            out.nullValue();
          }
        }
        case OMITTED_WHEN_UNSET -> {
          if (message.hasField(field)) {
            single(field, message.getField(field), out.name(plan.names()[i]));
          }
        }
      }
    }
  }

  private void map(FieldDescriptor field, List<?> entries, CompactJsonWriter out)
      throws InvalidProtocolBufferException {
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByNumber(1);
    FieldDescriptor valueField = entryType.findFieldByNumber(2);
    out.beginObject();
    for (Object entry : entries) {
      Message pair = (Message) entry;
      out.plainName(String.valueOf(mapKey(keyField, pair.getField(keyField))));
      single(valueField, pair.getField(valueField), out);
    }
    out.endObject();
  }

  /** A map key as protojson names it (unsigned kinds as unsigned). */
  static Object mapKey(FieldDescriptor key, Object value) {
    return switch (key.getType()) {
      case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) value);
      case UINT64, FIXED64 -> Long.toUnsignedString((Long) value);
      default -> value;
    };
  }

  private void single(FieldDescriptor field, Object value, CompactJsonWriter out)
      throws InvalidProtocolBufferException {
    switch (field.getType()) {
      case INT32, SINT32, SFIXED32 -> out.jsonValue(Integer.toString((Integer) value));
      case UINT32, FIXED32 -> out.jsonValue(Integer.toUnsignedString((Integer) value));
      case INT64, SINT64, SFIXED64 -> out.value(Long.toString((Long) value));
      case UINT64, FIXED64 -> out.value(Long.toUnsignedString((Long) value));
      case BOOL -> out.value((Boolean) value);
      case FLOAT -> floating((Float) value, Float.toString((Float) value), out);
      case DOUBLE -> floating((Double) value, Double.toString((Double) value), out);
      case STRING -> out.value((String) value);
      case BYTES ->
          out.value(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case ENUM -> enumValue((EnumValueDescriptor) value, out);
      case MESSAGE, GROUP -> value((Message) value, out);
    }
  }

  static void floating(double value, String text, CompactJsonWriter out) {
    if (Double.isNaN(value)) {
      out.value("NaN");
    } else if (Double.isInfinite(value)) {
      out.value(value > 0 ? "Infinity" : "-Infinity");
    } else {
      out.jsonValue(text);
    }
  }

  static void enumValue(EnumValueDescriptor value, CompactJsonWriter out) {
    if (value.getType().getFullName().equals(NULL_VALUE)) {
      out.nullValue();
    } else if (value.getIndex() == -1) {
      out.jsonValue(Integer.toString(value.getNumber())); // a number this build does not know
    } else {
      out.value(value.getName());
    }
  }

  /**
   * A well-known type in its special form: timestamps, durations, wrappers and the {@code Struct}
   * family written here as {@code JsonFormat} writes them; anything else (a field mask, a value out
   * of range) as {@code JsonFormat}'s text, its strings escaped as the rest are.
   */
  private void specialForm(Message message, CompactJsonWriter out)
      throws InvalidProtocolBufferException {
    Descriptor type = message.getDescriptorForType();
    String name = type.getFullName();
    try {
      switch (name) {
        case "google.protobuf.Timestamp" -> {
          Timestamp timestamp = timestamp(message, type);
          out.value(TimestampText.of(timestamp.getSeconds(), timestamp.getNanos()));
          return;
        }
        case "google.protobuf.Duration" -> {
          out.value(Durations.toString(duration(message, type)));
          return;
        }
        case "google.protobuf.Struct" -> {
          FieldDescriptor fields = type.findFieldByNumber(1);
          map(fields, (List<?>) message.getField(fields), out);
          return;
        }
        case "google.protobuf.ListValue" -> {
          FieldDescriptor values = type.findFieldByNumber(1);
          out.beginArray();
          for (Object item : (List<?>) message.getField(values)) {
            value((Message) item, out);
          }
          out.endArray();
          return;
        }
        case "google.protobuf.Value" -> {
          Map<FieldDescriptor, Object> kind = message.getAllFields();
          if (kind.isEmpty()) {
            out.nullValue();
            return;
          }
          Map.Entry<FieldDescriptor, Object> only = kind.entrySet().iterator().next();
          boolean finite = !(only.getValue() instanceof Double d) || Double.isFinite(d);
          if (kind.size() == 1 && finite) { // JsonFormat refuses NaN and infinities here
            single(only.getKey(), only.getValue(), out);
            return;
          }
        }
        default -> {
          if (name.endsWith("Value") && ProtoJsonShape.SPECIAL_FORMS.contains(name)) {
            FieldDescriptor wrapped = type.findFieldByNumber(1); // the wrappers' `value`
            single(wrapped, message.getField(wrapped), out);
            return;
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // out of the range protojson allows: JsonFormat's own message below
    }
    out.element(JsonParser.parseString(specialForms.print(message)));
  }

  private static Timestamp timestamp(Message message, Descriptor type) {
    return message instanceof Timestamp t
        ? t
        : Timestamp.newBuilder()
            .setSeconds((Long) message.getField(type.findFieldByNumber(1)))
            .setNanos((Integer) message.getField(type.findFieldByNumber(2)))
            .build();
  }

  private static Duration duration(Message message, Descriptor type) {
    return message instanceof Duration d
        ? d
        : Duration.newBuilder()
            .setSeconds((Long) message.getField(type.findFieldByNumber(1)))
            .setNanos((Integer) message.getField(type.findFieldByNumber(2)))
            .build();
  }

  private void any(Message message, CompactJsonWriter out) throws InvalidProtocolBufferException {
    Any any = message instanceof Any a ? a : Any.parseFrom(message.toByteString());
    String url = any.getTypeUrl();
    Descriptor packed = types.find(url.substring(url.lastIndexOf('/') + 1));
    if (packed == null) {
      specialForm(message, out); // JsonFormat refuses it, as before
      return;
    }
    Message content = DynamicMessage.parseFrom(packed, any.getValue());
    out.beginObject();
    out.name(TYPE_KEY).value(url);
    Plan plan = plan(packed);
    if (plan.kind() == Kind.OBJECT) {
      fields(plan, content, out);
    } else {
      value(content, out.name(VALUE_KEY));
    }
    out.endObject();
  }
}
