package org.flyte.common.rest;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sets request fields from path variables and query parameters by dotted field path, following
 * grpc-gateway v2's {@code DefaultQueryParser} and {@code PopulateFieldFromPath} ({@code
 * runtime/query.go}).
 *
 * <p>Each name of a path may be the proto name or the JSON name ({@code sort_by.key}, {@code
 * sortBy.key}); nested messages are created on the way. A parameter naming no field is ignored (it
 * may be meant for a proxy), one whose path starts with a path-bound field is ignored, and a
 * non-message in the middle of a path is an error. Repeated fields take every value, maps take
 * {@code name[key]=value}, and a singular field given twice is an error.
 */
final class FieldPathBinder {

  private static final Pattern MAP_KEY = Pattern.compile("^(.*)\\[(.*)\\]$");

  private FieldPathBinder() {}

  /**
   * Resolves a dotted path written with proto names (as in path templates and {@code body}).
   *
   * @throws IllegalArgumentException when a name is unknown or a non-message is traversed
   */
  static List<FieldDescriptor> resolveStrict(Descriptor root, String dottedPath) {
    List<FieldDescriptor> fields = new ArrayList<>();
    Descriptor current = root;
    String[] names = dottedPath.split("\\.", -1);
    for (int i = 0; i < names.length; i++) {
      FieldDescriptor field = find(current, names[i]);
      if (field == null) {
        throw new IllegalArgumentException(
            "no field '" + dottedPath + "' in " + root.getFullName());
      }
      fields.add(field);
      if (i < names.length - 1) {
        if (!isSingularMessage(field)) {
          throw new IllegalArgumentException(
              "'" + names[i] + "' in '" + dottedPath + "' is not a singular message field");
        }
        current = field.getMessageType();
      }
    }
    return fields;
  }

  /** Binds one path variable; a bad value is a 400 naming the variable. */
  static void bindPathVariable(Message.Builder builder, String fieldPath, String value) {
    try {
      set(builder, resolveStrict(builder.getDescriptorForType(), fieldPath), 0, List.of(value));
    } catch (IllegalArgumentException e) {
      throw RestException.invalidArgument(
          "type mismatch, parameter: " + fieldPath + ", error: " + e.getMessage());
    }
  }

  /**
   * Binds query parameters.
   *
   * @param excluded dotted proto-name paths (path variables, the body field) that parameters must
   *     not touch; a parameter whose resolved path starts with one of them is ignored
   * @throws RestException {@code INVALID_ARGUMENT} naming the parameter
   */
  static void bindQuery(
      Message.Builder builder, Map<String, List<String>> params, Collection<String> excluded) {
    List<List<String>> excludedPaths = new ArrayList<>();
    for (String path : excluded) {
      excludedPaths.add(List.of(path.split("\\.", -1)));
    }
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      String key = param.getKey();
      List<String> values = param.getValue();
      Matcher mapKey = MAP_KEY.matcher(key);
      if (mapKey.matches()) {
        key = mapKey.group(1);
        List<String> withKey = new ArrayList<>();
        withKey.add(mapKey.group(2));
        withKey.addAll(values);
        values = withKey;
      }
      bindQueryParameter(builder, key, values, excludedPaths);
    }
  }

  private static void bindQueryParameter(
      Message.Builder builder, String key, List<String> values, List<List<String>> excluded) {
    List<FieldDescriptor> fields = new ArrayList<>();
    List<String> normalized = new ArrayList<>();
    Descriptor current = builder.getDescriptorForType();
    String[] names = key.split("\\.", -1);
    for (int i = 0; i < names.length; i++) {
      FieldDescriptor field = find(current, names[i]);
      if (field == null) {
        return; // not a field of the request: ignored, as grpc-gateway does
      }
      fields.add(field);
      normalized.add(field.getName());
      if (i < names.length - 1) {
        if (!isSingularMessage(field)) {
          if (hasExcludedPrefix(normalized, excluded)) {
            return;
          }
          throw RestException.invalidArgument(
              "invalid path: \""
                  + names[i]
                  + "\" is not a message (query parameter \""
                  + key
                  + "\")");
        }
        current = field.getMessageType();
      }
    }
    if (hasExcludedPrefix(normalized, excluded)) {
      return;
    }
    try {
      set(builder, fields, 0, values);
    } catch (IllegalArgumentException e) {
      throw RestException.invalidArgument("parsing field \"" + key + "\": " + e.getMessage());
    }
  }

  private static boolean hasExcludedPrefix(List<String> path, List<List<String>> excluded) {
    for (List<String> prefix : excluded) {
      if (prefix.size() <= path.size() && path.subList(0, prefix.size()).equals(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static void set(
      Message.Builder builder, List<FieldDescriptor> path, int index, List<String> values) {
    FieldDescriptor field = path.get(index);
    OneofDescriptor oneof = field.getRealContainingOneof();
    if (oneof != null) {
      FieldDescriptor already = builder.getOneofFieldDescriptor(oneof);
      if (already != null
          && (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || !already.equals(field))) {
        throw new IllegalArgumentException(
            "field already set for oneof \"" + oneof.getName() + "\"");
      }
    }
    if (index < path.size() - 1) {
      Message.Builder nested = ((Message) builder.getField(field)).toBuilder();
      set(nested, path, index + 1, values);
      builder.setField(field, nested.build());
      return;
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no value provided");
    }
    if (field.isMapField()) {
      setMapEntry(builder, field, values);
    } else if (field.isRepeated()) {
      for (String value : values) {
        builder.addRepeatedField(field, FieldValueParser.parse(field, value));
      }
    } else if (values.size() > 1) {
      throw new IllegalArgumentException("too many values: " + String.join(", ", values));
    } else {
      builder.setField(field, FieldValueParser.parse(field, values.get(0)));
    }
  }

  private static void setMapEntry(
      Message.Builder builder, FieldDescriptor field, List<String> values) {
    if (values.size() != 2) {
      throw new IllegalArgumentException(
          "a map entry takes one value, written name[key]=value; got " + values.size() + " values");
    }
    Message.Builder entry = builder.newBuilderForField(field);
    FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
    FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
    entry.setField(keyField, FieldValueParser.parse(keyField, values.get(0)));
    entry.setField(valueField, FieldValueParser.parse(valueField, values.get(1)));
    builder.addRepeatedField(field, entry.build());
  }

  private static boolean isSingularMessage(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated();
  }

  /** A field by proto name, else by JSON name. */
  static @Nullable FieldDescriptor find(Descriptor message, String name) {
    FieldDescriptor byName = message.findFieldByName(name);
    if (byName != null) {
      return byName;
    }
    for (FieldDescriptor field : message.getFields()) {
      if (field.getJsonName().equals(name)) {
        return field;
      }
    }
    return null;
  }
}
