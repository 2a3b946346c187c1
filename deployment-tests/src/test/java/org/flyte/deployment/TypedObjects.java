package org.flyte.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Rendered objects read into fabric8's typed Kubernetes model, strictly: fabric8 keeps fields it
 * does not know in {@code additionalProperties}, so every such field anywhere in the object is
 * reported, as is a kind without a typed model. A typo in a template ({@code contianerPort}, a
 * field at the wrong level) is caught here, as {@code kubeconform -strict} catches it upstream.
 */
final class TypedObjects {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private TypedObjects() {}

  /** The object as its typed model. */
  static HasMetadata parse(Map<String, Object> object) {
    return SERIALIZATION.unmarshal(SERIALIZATION.asJson(object));
  }

  /** What of {@code object} its typed model does not know (empty when it parses strictly). */
  static List<String> unknownFields(Map<String, Object> object) {
    HasMetadata typed = parse(object);
    List<String> unknown = new ArrayList<>();
    if (typed instanceof GenericKubernetesResource) {
      unknown.add("kind " + object.get("apiVersion") + "/" + object.get("kind") + " has no model");
      return unknown;
    }
    walk(typed, typed.getKind(), unknown);
    return unknown;
  }

  private static void walk(Object value, String path, List<String> unknown) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "[" + k + "]", unknown));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object child;
      try {
        child = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add(path + ": unknown " + extra.keySet());
        }
      } else {
        String field = getter.getName().substring(3);
        walk(
            child,
            path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1),
            unknown);
      }
    }
  }
}
