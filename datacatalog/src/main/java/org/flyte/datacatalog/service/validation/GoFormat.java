package org.flyte.datacatalog.service.validation;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Values printed as Go's {@code %v} prints them in Flyte's error messages. */
final class GoFormat {

  private GoFormat() {}

  /** {@code map[a:1 b:2]}: Go prints map entries sorted by key. */
  static String map(Map<String, ?> map) {
    return new TreeMap<>(map)
        .entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining(" ", "map[", "]"));
  }

  /** {@code [a b]}. */
  static String list(Iterable<?> values) {
    StringBuilder out = new StringBuilder("[");
    for (Object value : values) {
      out.append(out.length() > 1 ? " " : "").append(value);
    }
    return out.append(']').toString();
  }
}
