package org.flyte.compiler.k8s.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Copies that keep the model immutable while allowing the {@code null}s Go writes. */
final class Models {

  private Models() {}

  /** An unmodifiable copy sorted by key (Go writes map keys sorted); values may be null. */
  static <V> Map<String, V> sortedCopy(Map<String, V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /** An unmodifiable sorted copy with each value copied by {@code copy}; null stays null. */
  static <V> Map<String, V> sortedCopy(Map<String, V> map, Function<V, V> copy) {
    if (map == null) {
      return null;
    }
    TreeMap<String, V> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, v == null ? null : copy.apply(v)));
    return Collections.unmodifiableMap(out);
  }

  /** An unmodifiable copy of a list that JSON leaves out when empty: null when null or empty. */
  static <T> List<T> nonEmptyCopy(List<T> list) {
    return list == null || list.isEmpty() ? null : listCopy(list);
  }

  /** An unmodifiable copy of a list; null stays null, null items are allowed. */
  static <T> List<T> listCopy(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
