package org.flyte.compiler.golden;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares JSON trees strictly (numbers by their text, so {@code 1} and {@code 1.0} differ) and
 * names every difference by its path.
 */
final class JsonTrees {

  private JsonTrees() {}

  /** The paths where {@code actual} differs from {@code expected}, each with both values. */
  static List<String> differences(JsonElement expected, JsonElement actual) {
    List<String> out = new ArrayList<>();
    diff("$", expected, actual, out);
    return out;
  }

  private static void diff(
      String path, JsonElement expected, JsonElement actual, List<String> out) {
    if (expected == null || actual == null) {
      if (expected != actual) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
    } else if (expected.isJsonObject() && actual.isJsonObject()) {
      JsonObject e = expected.getAsJsonObject();
      JsonObject a = actual.getAsJsonObject();
      Set<String> keys = new TreeSet<>(e.keySet());
      keys.addAll(a.keySet());
      for (String key : keys) {
        diff(path + "." + key, e.get(key), a.get(key), out);
      }
    } else if (expected.isJsonArray() && actual.isJsonArray()) {
      JsonArray e = expected.getAsJsonArray();
      JsonArray a = actual.getAsJsonArray();
      if (e.size() != a.size()) {
        out.add(path + ": expected " + e + " but was " + a);
        return;
      }
      for (int i = 0; i < e.size(); i++) {
        diff(path + "[" + i + "]", e.get(i), a.get(i), out);
      }
    } else if (expected.isJsonPrimitive() && actual.isJsonPrimitive()) {
      boolean same =
          expected.getAsJsonPrimitive().isNumber() && actual.getAsJsonPrimitive().isNumber()
              ? expected.getAsNumber().toString().equals(actual.getAsNumber().toString())
              : expected.equals(actual);
      if (!same) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
    } else if (!(expected.isJsonNull() && actual.isJsonNull())) {
      out.add(path + ": expected " + expected + " but was " + actual);
    }
  }
}
