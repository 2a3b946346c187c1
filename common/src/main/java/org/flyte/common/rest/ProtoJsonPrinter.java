package org.flyte.common.rest;

import com.google.gson.JsonParser;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonWriter;
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
import com.google.protobuf.util.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes a message as protojson with {@code EmitUnpopulated} in one pass over the message, straight
 * into a {@link JsonWriter}: fields in declaration order, scalars and enums without presence with
 * their defaults, empty lists and maps, unset singular fields with presence outside a oneof as
 * {@code null}, unset oneof members omitted. Values are spelled as protobuf-java's {@link
 * JsonFormat} spells them (64-bit integers and bytes quoted, {@code NaN} and infinities as strings,
 * unknown enum numbers as numbers), the well-known types in their special forms. It replaces
 * printing with {@code JsonFormat}, parsing that text back and walking the tree, which cost four
 * passes per page (bench/results/rest-encoding.md).
 */
final class ProtoJsonPrinter {

  private static final String ANY = "google.protobuf.Any";
  private static final String NULL_VALUE = "google.protobuf.NullValue";
  private static final String TYPE_KEY = "@type";

  private final JsonFormat.TypeRegistry types;
  private final boolean useProtoNames;
  private final JsonFormat.Printer specialForms;

  ProtoJsonPrinter(JsonFormat.TypeRegistry types, boolean useProtoNames, JsonFormat.Printer p) {
    this.types = types;
    this.useProtoNames = useProtoNames;
    this.specialForms = p;
  }

  /** The JSON text of {@code message}. */
  String print(Message message) throws InvalidProtocolBufferException {
    TextWriter text = new TextWriter();
    JsonWriter out = new JsonWriter(text);
    out.setHtmlSafe(false);
    out.setSerializeNulls(true);
    try {
      value(message, out);
      out.flush();
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a TextWriter does not fail
    }
    return text.toString();
  }

  private void value(Message message, JsonWriter out) throws IOException {
    String typeName = message.getDescriptorForType().getFullName();
    if (ProtoJsonShape.SPECIAL_FORMS.contains(typeName)) {
      specialForm(message, out);
    } else if (typeName.equals(ANY)) {
      any(message, out);
    } else {
      out.beginObject();
      fields(message, out);
      out.endObject();
    }
  }

  private void fields(Message message, JsonWriter out) throws IOException {
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isRepeated()) {
        out.name(name(field));
        if (field.isMapField()) {
          map(field, (List<?>) message.getField(field), out);
        } else {
          out.beginArray();
          for (Object item : (List<?>) message.getField(field)) {
            single(field, item, out);
          }
          out.endArray();
        }
      } else if (!field.hasPresence() || message.hasField(field)) {
        out.name(name(field));
        single(field, message.getField(field), out);
      } else if (field.getContainingOneof() == null) {
        out.name(name(field)).nullValue();
      }
    }
  }

  private void map(FieldDescriptor field, List<?> entries, JsonWriter out) throws IOException {
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByNumber(1);
    FieldDescriptor valueField = entryType.findFieldByNumber(2);
    out.beginObject();
    for (Object entry : entries) {
      Message pair = (Message) entry;
      out.name(String.valueOf(mapKey(keyField, pair.getField(keyField))));
      single(valueField, pair.getField(valueField), out);
    }
    out.endObject();
  }

  private static Object mapKey(FieldDescriptor key, Object value) {
    return switch (key.getType()) {
      case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) value);
      case UINT64, FIXED64 -> Long.toUnsignedString((Long) value);
      default -> value;
    };
  }

  private void single(FieldDescriptor field, Object value, JsonWriter out) throws IOException {
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

  private static void floating(double value, String text, JsonWriter out) throws IOException {
    if (Double.isNaN(value)) {
      out.value("NaN");
    } else if (Double.isInfinite(value)) {
      out.value(value > 0 ? "Infinity" : "-Infinity");
    } else {
      out.jsonValue(text);
    }
  }

  private static void enumValue(EnumValueDescriptor value, JsonWriter out) throws IOException {
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
  private void specialForm(Message message, JsonWriter out) throws IOException {
    Descriptor type = message.getDescriptorForType();
    String name = type.getFullName();
    try {
      switch (name) {
        case "google.protobuf.Timestamp" -> {
          out.value(Timestamps.toString(timestamp(message, type)));
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
    Streams.write(JsonParser.parseString(specialForms.print(message)), out);
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

  private void any(Message message, JsonWriter out) throws IOException {
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
    if (ProtoJsonShape.SPECIAL_FORMS.contains(packed.getFullName())
        || packed.getFullName().equals(ANY)) {
      out.name("value");
      value(content, out);
    } else {
      fields(content, out);
    }
    out.endObject();
  }

  private String name(FieldDescriptor field) {
    return useProtoNames ? field.getName() : field.getJsonName();
  }

  /**
   * A {@link Writer} into a {@link StringBuilder}: {@code StringWriter}'s {@code StringBuffer}
   * takes a lock for each of the many small writes a page makes, and Gson's {@code
   * Streams.writerForAppendable} wraps each char array it is given (a 25-task page: 540 µs through
   * it, 400–450 through this, 560–590 through a StringWriter; bench/results/rest-encoding.md).
   */
  private static final class TextWriter extends Writer {
    private final StringBuilder text = new StringBuilder(1024);

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, offset + length);
    }

    @Override
    public Writer append(CharSequence chars) {
      text.append(chars);
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
