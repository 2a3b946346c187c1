package org.flyte.admin.service.digest;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.protobuf.MessageOrBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The readable differences between a stored entity and a conflicting registration, in the shape of
 * Flyte's {@code compareJsons} ({@code flyteadmin/pkg/errors/errors.go}, v1.16.8): one {@code <json
 * pointer>:\n\t- <old> \n\t+ <new>} entry per differing leaf of the two JSON documents.
 */
public final class StructureDiff {

  private StructureDiff() {}

  public static String lines(MessageOrBuilder old, MessageOrBuilder updated) {
    Map<String, String> before = new TreeMap<>();
    Map<String, String> after = new TreeMap<>();
    flatten("", JsonParser.parseString(Digests.json(old)), before);
    flatten("", JsonParser.parseString(Digests.json(updated)), after);
    TreeMap<String, String> paths = new TreeMap<>(before);
    paths.putAll(after);
    List<String> out = new ArrayList<>();
    for (String path : paths.keySet()) {
      String a = before.getOrDefault(path, "<nil>");
      String b = after.getOrDefault(path, "<nil>");
      if (!a.equals(b)) {
        out.add(path + ":\n\t- " + a + " \n\t+ " + b);
      }
    }
    return String.join("\n", out);
  }

  private static void flatten(String path, JsonElement value, Map<String, String> out) {
    if (value.isJsonObject()) {
      value
          .getAsJsonObject()
          .entrySet()
          .forEach(e -> flatten(path + "/" + e.getKey(), e.getValue(), out));
    } else if (value.isJsonArray()) {
      for (int i = 0; i < value.getAsJsonArray().size(); i++) {
        flatten(path + "/" + i, value.getAsJsonArray().get(i), out);
      }
    } else {
      out.put(path, value.isJsonPrimitive() ? value.getAsString() : value.toString());
    }
  }
}
