package org.flyte.compiler.k8s.model;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The custom resource's Kubernetes metadata ({@code metav1.ObjectMeta}): what FlyteAdmin sets, plus
 * whatever else the API server adds ({@code uid}, {@code resourceVersion}, ...) kept as JSON.
 *
 * @param name the resource's name (the execution's name)
 * @param generateName the name prefix when no name is given (Flyte's builder without execution id)
 * @param namespace the namespace
 * @param labels labels; empty when none
 * @param annotations annotations; empty when none
 * @param finalizers finalizers; empty when none
 * @param other every other metadata field, as read; empty when none
 */
public record ObjectMeta(
    String name,
    String generateName,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<String> finalizers,
    JsonObject other) {

  public ObjectMeta {
    name = name == null ? "" : name;
    generateName = generateName == null ? "" : generateName;
    namespace = namespace == null ? "" : namespace;
    labels = labels == null ? Map.of() : Models.sortedCopy(labels);
    annotations = annotations == null ? Map.of() : Models.sortedCopy(annotations);
    finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
    other = other == null ? new JsonObject() : other.deepCopy();
  }

  /** The same metadata with other labels. */
  public ObjectMeta withLabels(Map<String, String> newLabels) {
    return new ObjectMeta(name, generateName, namespace, newLabels, annotations, finalizers, other);
  }

  /** The same metadata with other annotations. */
  public ObjectMeta withAnnotations(Map<String, String> newAnnotations) {
    return new ObjectMeta(name, generateName, namespace, labels, newAnnotations, finalizers, other);
  }

  /** The same metadata with other finalizers. */
  public ObjectMeta withFinalizers(List<String> newFinalizers) {
    return new ObjectMeta(name, generateName, namespace, labels, annotations, newFinalizers, other);
  }
}
