package org.flyte.admin.clusterresource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A three-way JSON merge patch (RFC 7386), as {@code kubectl apply} computes one: from the last
 * applied configuration to the new one, deleting what the template no longer sets, and from the
 * live object to the new one, changing what differs. Fields set by anyone else (the API server,
 * controllers, an operator's {@code kubectl edit} of a field the template never set) are left
 * alone. Lists are replaced as a whole (JSON merge patch semantics; Flyte uses a strategic merge
 * patch for built-in kinds, which merges some lists by key).
 *
 * <p>Follows {@code createPatch} of {@code flyteadmin/pkg/clusterresource/controller.go} (v1.16.8)
 * and {@code k8s.io/apimachinery/pkg/util/jsonmergepatch}.
 */
final class MergePatch {

  private MergePatch() {}

  /**
   * The patch turning {@code current} into {@code modified} where {@code modified} has a say.
   *
   * @param original the last applied configuration, or null when unknown
   * @return the patch; empty when nothing changes
   */
  static Map<String, Object> threeWay(
      Map<String, Object> original, Map<String, Object> modified, Map<String, Object> current) {
    Map<String, Object> patch = new LinkedHashMap<>();
    if (original != null) {
      deletions(original, modified, current, patch);
    }
    changes(modified, current, patch);
    return patch;
  }

  @SuppressWarnings("unchecked")
  private static void deletions(
      Map<String, Object> original,
      Map<String, Object> modified,
      Map<String, Object> current,
      Map<String, Object> patch) {
    original.forEach(
        (key, was) -> {
          Object now = current == null ? null : current.get(key);
          if (!modified.containsKey(key)) {
            if (current != null && current.containsKey(key)) {
              patch.put(key, null);
            }
          } else if (was instanceof Map<?, ?> wasMap
              && modified.get(key) instanceof Map<?, ?> modifiedMap) {
            Map<String, Object> nested = new LinkedHashMap<>();
            deletions(
                (Map<String, Object>) wasMap,
                (Map<String, Object>) modifiedMap,
                now instanceof Map<?, ?> nowMap ? (Map<String, Object>) nowMap : null,
                nested);
            if (!nested.isEmpty()) {
              patch.put(key, nested);
            }
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static void changes(
      Map<String, Object> modified, Map<String, Object> current, Map<String, Object> patch) {
    modified.forEach(
        (key, wanted) -> {
          Object now = current == null ? null : current.get(key);
          if (wanted instanceof Map<?, ?> wantedMap && now instanceof Map<?, ?> nowMap) {
            Map<String, Object> nested =
                patch.get(key) instanceof Map<?, ?> pending
                    ? (Map<String, Object>) pending
                    : new LinkedHashMap<>();
            changes((Map<String, Object>) wantedMap, (Map<String, Object>) nowMap, nested);
            if (!nested.isEmpty()) {
              patch.put(key, nested);
            }
          } else if (current == null || !current.containsKey(key) || !same(wanted, now)) {
            patch.put(key, wanted);
          }
        });
  }

  /** Equal as JSON values: numbers compare by value ({@code 1} and {@code 1.0} of a quantity). */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    return Objects.equals(a, b);
  }
}
