package org.flyte.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * A configuration subtree read back as maps, lists and strings with its keys exactly as written,
 * for the few Flyte settings whose map keys are data and keep their case: the cluster-resource
 * template variables ({@code projectQuotaCpu}) of {@code cluster_resources.templateData} and {@code
 * customData}. Spring's binder would lower-case or re-index them.
 *
 * <p>Flyte's loader accepts a list of single-key maps wherever a map is expected ({@code
 * sliceToMapHook} in {@code flytestdlib/config/viper}, v1.16.8); the Helm charts write {@code
 * customData} that way. {@link #asMap} does the same.
 *
 * <p>Sources are read in precedence order (command line, environment, Flyte's files, the app's
 * yaml); the first one that sets a leaf wins. The prefix matches however it is spelled ({@code
 * cluster_resources}, {@code cluster-resources}, {@code clusterResources}).
 */
public final class FlyteConfigTree {

  private FlyteConfigTree() {}

  /**
   * The subtree under {@code prefix} (e.g. {@code flyte.cluster_resources.customData}), or null.
   */
  public static Object read(ConfigurableEnvironment environment, String prefix) {
    List<String> wanted = segments(prefix).stream().map(FlyteConfigTree::canonical).toList();
    Map<String, Object> root = new LinkedHashMap<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
        continue;
      }
      for (String name : enumerable.getPropertyNames()) {
        List<String> path = segments(name);
        if (path.size() <= wanted.size() || !startsWith(path, wanted)) {
          continue;
        }
        Object value = enumerable.getProperty(name);
        put(root, path.subList(wanted.size(), path.size()), value == null ? "" : value.toString());
      }
    }
    return root.isEmpty() ? null : normalize(root);
  }

  /**
   * {@code tree} as a map: a map as it is, a list of single-key maps merged into one map (Flyte's
   * {@code sliceToMapHook}), null as an empty map.
   *
   * @throws IllegalArgumentException for anything else, naming {@code what}
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object tree, String what) {
    if (tree == null) {
      return Map.of();
    }
    if (tree instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    if (tree instanceof List<?> list) {
      Map<String, Object> merged = new LinkedHashMap<>();
      for (Object item : list) {
        if (!(item instanceof Map<?, ?> entry) || entry.size() != 1) {
          throw new IllegalArgumentException(
              what + " must be a map, or a list of single-key maps; found " + tree);
        }
        entry.forEach((k, v) -> merged.put(String.valueOf(k), v));
      }
      return merged;
    }
    throw new IllegalArgumentException(what + " must be a map; found '" + tree + "'");
  }

  private static boolean startsWith(List<String> path, List<String> wanted) {
    for (int i = 0; i < wanted.size(); i++) {
      if (!canonical(path.get(i)).equals(wanted.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String canonical(String segment) {
    return segment.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** {@code a.b[0][c.d].e} → {@code a, b, [0], c.d, e} (indexes keep their brackets). */
  static List<String> segments(String name) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        flush(segments, current);
      } else if (c == '[') {
        flush(segments, current);
        int end = name.indexOf(']', i);
        if (end < 0) {
          end = name.length();
        }
        String inside = name.substring(i + 1, end);
        segments.add(inside.chars().allMatch(Character::isDigit) ? "[" + inside + "]" : inside);
        i = end;
      } else {
        current.append(c);
      }
    }
    flush(segments, current);
    return segments;
  }

  private static void flush(List<String> segments, StringBuilder current) {
    if (!current.isEmpty()) {
      segments.add(current.toString());
      current.setLength(0);
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> node, List<String> path, String value) {
    String key = path.get(0);
    if (path.size() == 1) {
      node.putIfAbsent(key, value);
      return;
    }
    Object child = node.get(key);
    if (!(child instanceof Map<?, ?>)) {
      if (child != null) {
        return; // a higher-precedence source set a scalar here
      }
      child = new LinkedHashMap<String, Object>();
      node.put(key, child);
    }
    put((Map<String, Object>) child, path.subList(1, path.size()), value);
  }

  /** Maps whose keys are all {@code [i]} become lists, in index order. */
  private static Object normalize(Object node) {
    if (!(node instanceof Map<?, ?> map)) {
      return node;
    }
    boolean indexed = !map.isEmpty();
    for (Object key : map.keySet()) {
      indexed &= String.valueOf(key).matches("\\[\\d+]");
    }
    if (indexed) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      entries.sort(
          (a, b) ->
              Integer.compare(
                  index(String.valueOf(a.getKey())), index(String.valueOf(b.getKey()))));
      List<Object> list = new ArrayList<>();
      entries.forEach(e -> list.add(normalize(e.getValue())));
      return list;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(String.valueOf(k), normalize(v)));
    return result;
  }

  private static int index(String key) {
    return Integer.parseInt(key.substring(1, key.length() - 1));
  }
}
