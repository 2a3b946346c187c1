package org.flyte.common.rest;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.flyte.common.rest.ProtoJsonPrinter.Kind;
import org.flyte.common.rest.ProtoJsonPrinter.Plan;

/**
 * protojson straight from a message's wire form, for {@link ProtoJsonPrinter}: the same text its
 * getter walk writes, without protobuf's reflective getters (a third of that walk's time) and
 * without turning each string into a {@code String} and back into UTF-8.
 *
 * <p>Per message: one pass over its bytes finds where each declared field is (the wire form of a
 * built message holds each singular field once and each list's items together, in field-number
 * order); then the fields are written in declaration order, an absent one as the printer writes it
 * unset (its default, {@code []}, <code>{}</code>, {@code null} or nothing). Well-known types are
 * parsed back into messages and written by the printer's getter walk; so is a message whose bytes
 * hold something a built message never does (a singular field twice, a field in an unexpected wire
 * type, a group). It reads the bytes itself rather than through {@code CodedInputStream}, which
 * cannot go back to a field found earlier; the tags are protobuf's ({@link WireFormat}).
 */
final class WireJsonTranscoder {

  private static final String TIMESTAMP = "google.protobuf.Timestamp";
  private static final String DURATION = "google.protobuf.Duration";

  private final ProtoJsonPrinter printer;
  private final byte[] wire;
  private final CompactJsonWriter out;
  private int pos;

  WireJsonTranscoder(ProtoJsonPrinter printer, byte[] wire, CompactJsonWriter out) {
    this.printer = printer;
    this.wire = wire;
    this.out = out;
  }

  /** Writes the message of {@code type} held in {@code wire[start, end)}. */
  void message(Descriptor type, int start, int end) throws InvalidProtocolBufferException {
    Plan plan = printer.plan(type);
    if (plan.kind() != Kind.OBJECT) {
      wellKnown(type, start, end);
      return;
    }
    FieldDescriptor[] fields = plan.fields();
    int[] first = new int[fields.length];
    int[] last = new int[fields.length];
    Arrays.fill(first, -1);
    if (!locate(type, start, end, first, last)) {
      printer.value(parse(type, start, end), out);
      return;
    }
    out.beginObject();
    for (int i = 0; i < fields.length; i++) {
      FieldDescriptor field = fields[i];
      switch (plan.shapes()[i]) {
        case MAP -> {
          out.name(plan.names()[i]).beginObject();
          for (int at = first[i]; at >= 0 && at <= last[i]; at = next(field, at, last[i])) {
            entry(field.getMessageType(), at);
          }
          out.endObject();
        }
        case LIST -> {
          out.name(plan.names()[i]).beginArray();
          for (int at = first[i]; at >= 0 && at <= last[i]; at = next(field, at, last[i])) {
            items(field, at);
          }
          out.endArray();
        }
        case ALWAYS -> {
          out.name(plan.names()[i]);
          if (first[i] < 0) {
            out.jsonValue(plan.defaults()[i]);
          } else {
            valueAt(field, first[i]);
          }
        }
        case NULL_WHEN_UNSET -> {
          out.name(plan.names()[i]);
          if (first[i] < 0) {
            out.nullValue();
          } else {
            valueAt(field, first[i]);
          }
        }
        case OMITTED_WHEN_UNSET -> {
          if (first[i] >= 0) {
            out.name(plan.names()[i]);
            valueAt(field, first[i]);
          }
        }
      }
    }
    out.endObject();
  }

  /**
   * Finds the first and last record of each declared field; false when the bytes hold what a built
   * message's serialization never writes.
   */
  private boolean locate(Descriptor type, int start, int end, int[] first, int[] last)
      throws InvalidProtocolBufferException {
    pos = start;
    while (pos < end) {
      int record = pos;
      int tag = readTag();
      int wireType = WireFormat.getTagWireType(tag);
      if (!skip(wireType)) {
        return false;
      }
      FieldDescriptor field = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
      if (field == null) {
        continue; // a field this build does not know: protojson leaves it out
      }
      int index = field.getIndex();
      if (!expected(field, wireType) || (first[index] >= 0 && !field.isRepeated())) {
        return false;
      }
      if (first[index] < 0) {
        first[index] = record;
      }
      last[index] = record;
    }
    if (pos != end) {
      throw truncated();
    }
    return true;
  }

  private static boolean expected(FieldDescriptor field, int wireType) {
    return wireType == field.getLiteType().getWireType()
        || (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED
            && field.isRepeated()
            && field.isPackable());
  }

  /**
   * The record after the one at {@code at} that belongs to {@code field}, or -1 when none starts at
   * or before {@code last} (where its last record starts).
   */
  private int next(FieldDescriptor field, int at, int last) throws InvalidProtocolBufferException {
    pos = at;
    skip(WireFormat.getTagWireType(readTag()));
    while (pos <= last) {
      int record = pos;
      int tag = readTag();
      if (WireFormat.getTagFieldNumber(tag) == field.getNumber()) {
        return record;
      }
      skip(WireFormat.getTagWireType(tag));
    }
    return -1;
  }

  /** The items of one record of a list: one item, or all of a packed run. */
  private void items(FieldDescriptor field, int at) throws InvalidProtocolBufferException {
    pos = at;
    int wireType = WireFormat.getTagWireType(readTag());
    if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED && field.isPackable()) {
      int end = readLength();
      while (pos < end) {
        scalar(field);
      }
    } else {
      value(field);
    }
  }

  private void valueAt(FieldDescriptor field, int at) throws InvalidProtocolBufferException {
    pos = at;
    readTag();
    value(field);
  }

  /** The value at {@code pos} (after its tag). */
  private void value(FieldDescriptor field) throws InvalidProtocolBufferException {
    switch (field.getType()) {
      case STRING -> {
        int end = readLength();
        out.utf8Value(wire, pos, end - pos);
        pos = end;
      }
      case BYTES -> {
        int end = readLength();
        out.value(Base64.getEncoder().encodeToString(Arrays.copyOfRange(wire, pos, end)));
        pos = end;
      }
      case MESSAGE -> {
        int end = readLength();
        message(field.getMessageType(), pos, end);
        pos = end;
      }
      default -> scalar(field);
    }
  }

  private void scalar(FieldDescriptor field) throws InvalidProtocolBufferException {
    switch (field.getType()) {
      case INT32, UINT32, SINT32, FIXED32, SFIXED32 -> out.jsonValue(integer(field));
      case INT64, UINT64, SINT64, FIXED64, SFIXED64 -> out.value(integer(field)); // quoted
      case BOOL -> out.value(readVarint() != 0);
      case FLOAT -> {
        float f = Float.intBitsToFloat(readFixed32());
        ProtoJsonPrinter.floating(f, Float.toString(f), out);
      }
      case DOUBLE -> {
        double d = Double.longBitsToDouble(readFixed64());
        ProtoJsonPrinter.floating(d, Double.toString(d), out);
      }
      case ENUM -> {
        int number = (int) readVarint();
        ProtoJsonPrinter.enumValue(
            field.getEnumType().findValueByNumberCreatingIfUnknown(number), out);
      }
      default -> throw new IllegalStateException("not a scalar: " + field.getFullName());
    }
  }

  /** A map entry: its key as the member's name, its value (or the value type's default). */
  private void entry(Descriptor entryType, int at) throws InvalidProtocolBufferException {
    pos = at;
    readTag();
    int end = readLength();
    FieldDescriptor keyField = entryType.findFieldByNumber(1);
    FieldDescriptor valueField = entryType.findFieldByNumber(2);
    int key = -1;
    int value = -1;
    while (pos < end) {
      int record = pos;
      int tag = readTag();
      int number = WireFormat.getTagFieldNumber(tag);
      if (number == 1) {
        key = record;
      } else if (number == 2) {
        value = record;
      }
      skip(WireFormat.getTagWireType(tag));
    }
    Plan plan = printer.plan(entryType);
    if (key < 0) {
      out.plainName(String.valueOf(ProtoJsonPrinter.mapKey(keyField, keyField.getDefaultValue())));
    } else {
      pos = key;
      readTag();
      out.plainName(keyText(keyField));
    }
    if (value >= 0) {
      valueAt(valueField, value);
    } else if (valueField.getType() == FieldDescriptor.Type.MESSAGE) {
      message(valueField.getMessageType(), end, end); // the value type's default
    } else {
      out.jsonValue(plan.defaults()[1]);
    }
    pos = end;
  }

  /** A map key as protojson names it (the key at {@code pos}, after its tag). */
  private String keyText(FieldDescriptor key) throws InvalidProtocolBufferException {
    return switch (key.getType()) {
      case STRING -> {
        int end = readLength();
        String text = new String(wire, pos, end - pos, StandardCharsets.UTF_8);
        pos = end;
        yield text;
      }
      case BOOL -> Boolean.toString(readVarint() != 0);
      default -> integer(key);
    };
  }

  /** The integer at {@code pos} in decimal, unsigned kinds as unsigned. */
  private String integer(FieldDescriptor field) throws InvalidProtocolBufferException {
    return switch (field.getType()) {
      case INT32 -> Integer.toString((int) readVarint());
      case UINT32 -> Integer.toUnsignedString((int) readVarint());
      case SINT32 -> Integer.toString(CodedInputStream.decodeZigZag32((int) readVarint()));
      case FIXED32 -> Integer.toUnsignedString(readFixed32());
      case SFIXED32 -> Integer.toString(readFixed32());
      case INT64 -> Long.toString(readVarint());
      case UINT64 -> Long.toUnsignedString(readVarint());
      case SINT64 -> Long.toString(CodedInputStream.decodeZigZag64(readVarint()));
      case FIXED64 -> Long.toUnsignedString(readFixed64());
      case SFIXED64 -> Long.toString(readFixed64());
      default -> throw new IllegalStateException("not an integer: " + field.getFullName());
    };
  }

  private void wellKnown(Descriptor type, int start, int end)
      throws InvalidProtocolBufferException {
    printer.value(
        switch (type.getFullName()) {
          case TIMESTAMP -> Timestamp.parser().parseFrom(wire, start, end - start);
          case DURATION -> Duration.parser().parseFrom(wire, start, end - start);
          default -> parse(type, start, end);
        },
        out);
  }

  private DynamicMessage parse(Descriptor type, int start, int end)
      throws InvalidProtocolBufferException {
    try {
      return DynamicMessage.parseFrom(type, CodedInputStream.newInstance(wire, start, end - start));
    } catch (IOException e) {
      throw e instanceof InvalidProtocolBufferException p
          ? p
          : new InvalidProtocolBufferException(e);
    }
  }

  private static InvalidProtocolBufferException truncated() {
    return new InvalidProtocolBufferException("message truncated");
  }

  private int readTag() throws InvalidProtocolBufferException {
    return (int) readVarint();
  }

  /** Reads a length and returns where the bytes it counts end. */
  private int readLength() throws InvalidProtocolBufferException {
    long length = readVarint();
    if (length < 0 || length > wire.length - pos) {
      throw truncated();
    }
    return pos + (int) length;
  }

  /** Skips the value after a tag; false for the group wire types. */
  private boolean skip(int wireType) throws InvalidProtocolBufferException {
    switch (wireType) {
      case WireFormat.WIRETYPE_VARINT -> readVarint();
      case WireFormat.WIRETYPE_FIXED64 -> advance(8);
      case WireFormat.WIRETYPE_LENGTH_DELIMITED -> pos = readLength();
      case WireFormat.WIRETYPE_FIXED32 -> advance(4);
      default -> {
        return false;
      }
    }
    return true;
  }

  private void advance(int count) throws InvalidProtocolBufferException {
    if (wire.length - pos < count) {
      throw truncated();
    }
    pos += count;
  }

  private long readVarint() throws InvalidProtocolBufferException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= wire.length) {
        throw truncated();
      }
      byte b = wire[pos++];
      result |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new InvalidProtocolBufferException("malformed varint");
  }

  private int readFixed32() throws InvalidProtocolBufferException {
    advance(4);
    int at = pos - 4;
    return (wire[at] & 0xff)
        | (wire[at + 1] & 0xff) << 8
        | (wire[at + 2] & 0xff) << 16
        | (wire[at + 3] & 0xff) << 24;
  }

  private long readFixed64() throws InvalidProtocolBufferException {
    long low = readFixed32() & 0xffffffffL;
    long high = readFixed32() & 0xffffffffL;
    return low | high << 32;
  }
}
