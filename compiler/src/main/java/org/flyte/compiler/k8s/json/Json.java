package org.flyte.compiler.k8s.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small Gson helpers for the custom resource's codec: Go's {@code omitempty} and nil values. */
final class Json {

  private Json() {}

  static void putIfNotEmpty(JsonObject out, String key, String value) {
    if (value != null && !value.isEmpty()) {
      out.addProperty(key, value);
    }
  }

  static void putIfNotNull(JsonObject out, String key, JsonElement value) {
    if (value != null) {
      out.add(key, value);
    }
  }

  static JsonElement stringOrNull(String value) {
    return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
  }

  static JsonElement stringList(List<String> values) {
    if (values == null) {
      return JsonNull.INSTANCE;
    }
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  static <T> JsonElement list(List<T> values, Function<T, JsonElement> write) {
    JsonArray array = new JsonArray();
    values.forEach(v -> array.add(write.apply(v)));
    return array;
  }

  static JsonObject stringMap(Map<String, String> values) {
    JsonObject object = new JsonObject();
    values.forEach(object::addProperty);
    return object;
  }

  static JsonElement stringListMap(Map<String, List<String>> values) {
    if (values == null) {
      return JsonNull.INSTANCE;
    }
    JsonObject object = new JsonObject();
    values.forEach((k, v) -> object.add(k, stringList(v)));
    return object;
  }

  // ---- reading ----

  static JsonElement get(JsonObject in, String key) {
    JsonElement value = in.get(key);
    return value == null || value.isJsonNull() ? null : value;
  }

  static JsonObject object(JsonObject in, String key) {
    JsonElement value = get(in, key);
    if (value == null) {
      return null;
    }
    if (!value.isJsonObject()) {
      throw new IllegalArgumentException("\"" + key + "\" must be an object");
    }
    return value.getAsJsonObject();
  }

  static String string(JsonObject in, String key) {
    JsonElement value = get(in, key);
    return value == null ? null : value.getAsString();
  }

  static List<String> stringList(JsonObject in, String key) {
    return stringList(get(in, key));
  }

  static List<String> stringList(JsonElement value) {
    if (value == null || value.isJsonNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    value.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
    return out;
  }

  static <T> List<T> list(JsonObject in, String key, Function<JsonElement, T> read) {
    JsonElement value = get(in, key);
    if (value == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    value.getAsJsonArray().forEach(e -> out.add(read.apply(e)));
    return out;
  }

  static Map<String, String> stringMap(JsonObject in, String key) {
    JsonObject object = object(in, key);
    if (object == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    object.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
    return out;
  }

  static Map<String, List<String>> stringListMap(JsonObject in, String key) {
    JsonObject object = object(in, key);
    if (object == null) {
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    object.entrySet().forEach(e -> out.put(e.getKey(), stringList(e.getValue())));
    return out;
  }

  static <T> Map<String, T> map(JsonObject in, String key, Function<JsonElement, T> read) {
    JsonObject object = object(in, key);
    if (object == null) {
      return null;
    }
    Map<String, T> out = new LinkedHashMap<>();
    object.entrySet().forEach(e -> out.put(e.getKey(), read.apply(e.getValue())));
    return out;
  }

  static Long longOrNull(JsonObject in, String key) {
    JsonElement value = get(in, key);
    return value == null ? null : value.getAsLong();
  }

  static Boolean boolOrNull(JsonObject in, String key) {
    JsonElement value = get(in, key);
    return value == null ? null : value.getAsBoolean();
  }
}
