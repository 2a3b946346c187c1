package org.flyte.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A render's objects, looked up by kind and name, with paths into them. */
record Manifests(List<Map<String, Object>> objects) {

  static Manifests of(String rendered) {
    return new Manifests(Charts.documents(rendered));
  }

  Optional<Map<String, Object>> find(String kind, String name) {
    return objects.stream()
        .filter(o -> kind.equals(o.get("kind")) && name.equals(get(o, "metadata.name")))
        .findFirst();
  }

  Map<String, Object> get(String kind, String name) {
    return find(kind, name)
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the render"));
  }

  List<String> names(String kind) {
    List<String> names = new ArrayList<>();
    objects.stream()
        .filter(o -> kind.equals(o.get("kind")))
        .forEach(o -> names.add(String.valueOf(get(o, "metadata.name"))));
    return names;
  }

  /** A config file of a ConfigMap, parsed. */
  Map<String, Object> configFile(String configMap, String file) {
    Object text = get(get("ConfigMap", configMap), "data." + file.replace(".", "\\."));
    if (text == null) {
      throw new AssertionError("ConfigMap " + configMap + " has no " + file);
    }
    return Charts.documents(text.toString()).get(0);
  }

  /** The containers and init containers of a Deployment. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> containers(String deployment) {
    Map<String, Object> spec =
        (Map<String, Object>) get(get("Deployment", deployment), "spec.template.spec");
    List<Map<String, Object>> all = new ArrayList<>();
    if (spec.get("initContainers") != null) {
      all.addAll((List<Map<String, Object>>) spec.get("initContainers"));
    }
    all.addAll((List<Map<String, Object>>) spec.get("containers"));
    return all;
  }

  /**
   * The value at a dotted path ({@code spec.template.spec.containers[0].image}); a dot inside a key
   * is written {@code \.}. Null when absent.
   */
  static Object get(Object root, String path) {
    Object node = root;
    for (String segment : path.split("(?<!\\\\)\\.")) {
      String key = segment.replace("\\.", ".");
      int index = -1;
      if (key.endsWith("]")) {
        index = Integer.parseInt(key.substring(key.indexOf('[') + 1, key.length() - 1));
        key = key.substring(0, key.indexOf('['));
      }
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(key);
      if (index >= 0) {
        if (!(node instanceof List<?> list) || list.size() <= index) {
          return null;
        }
        node = list.get(index);
      }
    }
    return node;
  }
}
