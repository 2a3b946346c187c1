package org.flyte.compiler.typing;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled JSON schema, reduced to the keywords Flyte's dataclass-type comparison looks at. It
 * follows the schema compiler Flyte v1.16.8 uses ({@code santhosh-tekuri/jsonschema} v1.2.4):
 * drafts 4, 6 and 7 (draft 7 when {@code $schema} is absent; any other {@code $schema}, such as
 * 2020-12, does not compile), {@code $ref} to JSON pointers inside the same document (other
 * references do not compile here), and keyword values of the wrong JSON kind make the schema
 * invalid, as the draft's meta-schema would.
 */
final class JsonSchema {

  /** Thrown when a document is not a schema Flyte's compiler would accept. */
  static final class InvalidSchemaException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidSchemaException(String message) {
      super(message, null, false, false);
    }
  }

  private static final Set<String> SIMPLE_TYPES =
      Set.of("array", "boolean", "integer", "null", "number", "object", "string");

  private static final Map<String, Integer> DRAFTS =
      Map.of(
          "http://json-schema.org/schema#", 7,
          "http://json-schema.org/draft-07/schema#", 7,
          "http://json-schema.org/draft-06/schema#", 6,
          "http://json-schema.org/draft-04/schema#", 4);

  Boolean always;
  JsonSchema ref;
  List<String> types = List.of();
  List<Object> enumValues;
  JsonSchema not;
  List<JsonSchema> allOf = List.of();
  List<JsonSchema> anyOf = List.of();
  List<JsonSchema> oneOf = List.of();
  int minProperties = -1;
  int maxProperties = -1;
  List<String> required = List.of();
  Map<String, JsonSchema> properties = Map.of();
  boolean hasPatternProperties;
  boolean hasAdditionalProperties;
  boolean hasDependencies;
  int minItems = -1;
  int maxItems = -1;
  boolean uniqueItems;
  JsonSchema items;
  List<JsonSchema> itemList;
  boolean hasAdditionalItems;
  int minLength = -1;
  int maxLength = -1;
  String pattern;
  String format = "";
  BigDecimal minimum;
  BigDecimal maximum;
  BigDecimal exclusiveMinimum;
  BigDecimal exclusiveMaximum;
  BigDecimal multipleOf;
  boolean hasConstant;
  Object constant;
  JsonSchema ifSchema;
  JsonSchema thenSchema;
  JsonSchema elseSchema;

  /** Follows {@code $ref} to the schema that carries the keywords. */
  JsonSchema resolved() {
    JsonSchema s = this;
    while (s.ref != null) {
      s = s.ref;
    }
    return s;
  }

  /** Compiles the schema held in a protobuf {@code Struct} (a dataclass type's metadata). */
  static JsonSchema compile(Struct document) throws InvalidSchemaException {
    Map<String, Object> root = toJava(document);
    int draft = 7;
    if (root.containsKey("$schema")) {
      Integer known = root.get("$schema") instanceof String s ? DRAFTS.get(s) : null;
      if (known == null) {
        throw new InvalidSchemaException("unknown $schema");
      }
      draft = known;
    }
    Compilation compilation = new Compilation(root, draft);
    JsonSchema schema = compilation.pointer("#");
    compilation.checkReferenceLoops();
    return schema;
  }

  private static final class Compilation {
    private final Object root;
    private final int draft;
    private final Map<String, JsonSchema> byPointer = new HashMap<>();

    Compilation(Object root, int draft) {
      this.root = root;
      this.draft = draft;
    }

    JsonSchema pointer(String ref) throws InvalidSchemaException {
      JsonSchema known = byPointer.get(ref);
      if (known != null) {
        return known;
      }
      if (!ref.equals("#") && !ref.startsWith("#/")) {
        throw new InvalidSchemaException("unsupported $ref " + ref);
      }
      Object target = root;
      if (ref.length() > 2) {
        for (String token : ref.substring(2).split("/", -1)) {
          String key =
              URLDecoder.decode(token.replace("+", "%2B"), StandardCharsets.UTF_8)
                  .replace("~1", "/")
                  .replace("~0", "~");
          if (target instanceof Map<?, ?> map && map.containsKey(key)) {
            target = map.get(key);
          } else if (target instanceof List<?> list && key.matches("\\d+")) {
            int i = Integer.parseInt(key);
            if (i >= list.size()) {
              throw new InvalidSchemaException("$ref not found " + ref);
            }
            target = list.get(i);
          } else {
            throw new InvalidSchemaException("$ref not found " + ref);
          }
        }
      }
      JsonSchema schema = new JsonSchema();
      byPointer.put(ref, schema);
      fill(schema, target);
      return schema;
    }

    void checkReferenceLoops() throws InvalidSchemaException {
      for (JsonSchema start : byPointer.values()) {
        Set<JsonSchema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (JsonSchema s = start; s.ref != null; s = s.ref) {
          if (!seen.add(s)) {
            throw new InvalidSchemaException("$ref loop");
          }
        }
      }
    }

    private JsonSchema schema(Object value) throws InvalidSchemaException {
      JsonSchema schema = new JsonSchema();
      fill(schema, value);
      return schema;
    }

    private void fill(JsonSchema s, Object value) throws InvalidSchemaException {
      if (value instanceof Boolean b) {
        s.always = b;
        return;
      }
      if (!(value instanceof Map<?, ?>)) {
        throw new InvalidSchemaException("a schema must be an object or a boolean");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) value;
      if (m.containsKey("$ref")) {
        if (!(m.get("$ref") instanceof String ref)) {
          throw new InvalidSchemaException("$ref must be a string");
        }
        s.ref = pointer(ref);
        return;
      }
      if (m.containsKey("type")) {
        Object t = m.get("type");
        List<String> types = t instanceof String single ? List.of(single) : strings(t, "type");
        for (String type : types) {
          if (!SIMPLE_TYPES.contains(type)) {
            throw new InvalidSchemaException("unknown type " + type);
          }
        }
        s.types = types.stream().sorted().toList();
      }
      if (m.containsKey("enum")) {
        s.enumValues = list(m.get("enum"), "enum");
      }
      s.not = optionalSchema(m, "not");
      s.allOf = schemas(m, "allOf");
      s.anyOf = schemas(m, "anyOf");
      s.oneOf = schemas(m, "oneOf");
      s.minProperties = count(m, "minProperties");
      s.maxProperties = count(m, "maxProperties");
      if (m.containsKey("required")) {
        s.required = strings(m.get("required"), "required");
      }
      if (m.containsKey("properties")) {
        Map<String, JsonSchema> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(m.get("properties"), "properties").entrySet()) {
          properties.put(e.getKey(), schema(e.getValue()));
        }
        s.properties = properties;
      }
      if (m.containsKey("patternProperties")) {
        for (Map.Entry<String, Object> e :
            object(m.get("patternProperties"), "patternProperties").entrySet()) {
          regex(e.getKey());
          schema(e.getValue());
        }
        s.hasPatternProperties = !object(m.get("patternProperties"), "").isEmpty();
      }
      if (m.containsKey("additionalProperties")) {
        Object additional = m.get("additionalProperties");
        if (additional instanceof Map<?, ?>) {
          schema(additional);
          s.hasAdditionalProperties = true;
        } else if (additional instanceof Boolean b) {
          s.hasAdditionalProperties = !b;
        } else {
          throw new InvalidSchemaException("additionalProperties");
        }
      }
      if (m.containsKey("dependencies")) {
        for (Object dependency : object(m.get("dependencies"), "dependencies").values()) {
          if (dependency instanceof List<?>) {
            strings(dependency, "dependencies");
          } else {
            schema(dependency);
          }
        }
        s.hasDependencies = !object(m.get("dependencies"), "").isEmpty();
      }
      s.minItems = count(m, "minItems");
      s.maxItems = count(m, "maxItems");
      if (m.containsKey("uniqueItems")) {
        if (!(m.get("uniqueItems") instanceof Boolean unique)) {
          throw new InvalidSchemaException("uniqueItems");
        }
        s.uniqueItems = unique;
      }
      if (m.containsKey("items")) {
        if (m.get("items") instanceof List<?>) {
          s.itemList = schemas(m, "items");
          s.hasAdditionalItems = true;
          optionalSchema(m, "additionalItems");
        } else {
          s.items = schema(m.get("items"));
        }
      }
      s.minLength = count(m, "minLength");
      s.maxLength = count(m, "maxLength");
      if (m.containsKey("pattern")) {
        if (!(m.get("pattern") instanceof String p)) {
          throw new InvalidSchemaException("pattern");
        }
        regex(p);
        s.pattern = p;
      }
      if (m.containsKey("format")) {
        if (!(m.get("format") instanceof String f)) {
          throw new InvalidSchemaException("format");
        }
        s.format = f;
      }
      s.minimum = number(m, "minimum");
      s.maximum = number(m, "maximum");
      if (m.get("exclusiveMinimum") instanceof Boolean b) {
        if (b) {
          s.exclusiveMinimum = s.minimum;
          s.minimum = null;
        }
      } else {
        s.exclusiveMinimum = number(m, "exclusiveMinimum");
      }
      if (m.get("exclusiveMaximum") instanceof Boolean b) {
        if (b) {
          s.exclusiveMaximum = s.maximum;
          s.maximum = null;
        }
      } else {
        s.exclusiveMaximum = number(m, "exclusiveMaximum");
      }
      s.multipleOf = number(m, "multipleOf");
      if (s.multipleOf != null && s.multipleOf.signum() <= 0) {
        throw new InvalidSchemaException("multipleOf");
      }
      if (draft >= 6 && m.containsKey("const")) {
        s.hasConstant = true;
        s.constant = m.get("const");
      }
      if (draft >= 7 && m.get("if") != null && (m.get("then") != null || m.get("else") != null)) {
        s.ifSchema = optionalSchema(m, "if");
        s.thenSchema = optionalSchema(m, "then");
        s.elseSchema = optionalSchema(m, "else");
      }
    }

    private JsonSchema optionalSchema(Map<String, Object> m, String key)
        throws InvalidSchemaException {
      return m.containsKey(key) ? schema(m.get(key)) : null;
    }

    private List<JsonSchema> schemas(Map<String, Object> m, String key)
        throws InvalidSchemaException {
      if (!m.containsKey(key)) {
        return List.of();
      }
      List<Object> values = list(m.get(key), key);
      if (values.isEmpty()) {
        throw new InvalidSchemaException(key + " must not be empty");
      }
      List<JsonSchema> out = new ArrayList<>();
      for (Object value : values) {
        out.add(schema(value));
      }
      return out;
    }

    private static int count(Map<String, Object> m, String key) throws InvalidSchemaException {
      if (!m.containsKey(key)) {
        return -1;
      }
      if (!(m.get(key) instanceof Double d) || d < 0 || d != Math.rint(d)) {
        throw new InvalidSchemaException(key + " must be a non-negative integer");
      }
      return d > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) (double) d;
    }

    private static BigDecimal number(Map<String, Object> m, String key)
        throws InvalidSchemaException {
      if (!m.containsKey(key)) {
        return null;
      }
      if (!(m.get(key) instanceof Double d) || d.isNaN() || d.isInfinite()) {
        throw new InvalidSchemaException(key + " must be a number");
      }
      return new BigDecimal(d);
    }

    private static List<Object> list(Object value, String key) throws InvalidSchemaException {
      if (!(value instanceof List<?> list)) {
        throw new InvalidSchemaException(key + " must be an array");
      }
      return new ArrayList<>(list);
    }

    private static List<String> strings(Object value, String key) throws InvalidSchemaException {
      List<String> out = new ArrayList<>();
      for (Object item : list(value, key)) {
        if (!(item instanceof String s)) {
          throw new InvalidSchemaException(key + " must hold strings");
        }
        out.add(s);
      }
      return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String key)
        throws InvalidSchemaException {
      if (!(value instanceof Map<?, ?>)) {
        throw new InvalidSchemaException(key + " must be an object");
      }
      return (Map<String, Object>) value;
    }

    private static void regex(String pattern) throws InvalidSchemaException {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new InvalidSchemaException("bad pattern");
      }
    }
  }

  private static Map<String, Object> toJava(Struct struct) {
    Map<String, Object> out = new LinkedHashMap<>();
    struct.getFieldsMap().forEach((k, v) -> out.put(k, toJava(v)));
    return out;
  }

  private static Object toJava(Value value) {
    return switch (value.getKindCase()) {
      case NULL_VALUE, KIND_NOT_SET -> null;
      case NUMBER_VALUE -> value.getNumberValue();
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> value.getBoolValue();
      case STRUCT_VALUE -> toJava(value.getStructValue());
      case LIST_VALUE -> toJava(value.getListValue());
    };
  }

  private static List<Object> toJava(ListValue list) {
    List<Object> out = new ArrayList<>();
    list.getValuesList().forEach(v -> out.add(toJava(v)));
    return out;
  }
}
