package org.flyte.admin.clusterresource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies one rendered template to one cluster, as {@code kubectl apply} would: creates the object,
 * or, when it exists, patches what the template changed since it was last applied (kept in the
 * {@value #LAST_APPLIED} annotation), or leaves it alone. Follows {@code syncNamespace} of {@code
 * flyteadmin/pkg/clusterresource/controller.go} (v1.16.8), which creates, falls back to a three-way
 * patch on {@code AlreadyExists}, and skips an empty patch; unlike Flyte, the annotation is written
 * too, so a field removed from a template is removed from the object.
 */
final class ResourceApplier {

  /** What happened to one object. */
  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private ResourceApplier() {}

  /**
   * Applies {@code manifest} (one YAML object) in {@code namespace} (for namespaced kinds).
   *
   * @throws KubernetesClientException when the API server refuses
   * @throws IllegalArgumentException when the manifest is not one Kubernetes object
   */
  static Outcome apply(KubernetesClient client, String namespace, String manifest) {
    KubernetesSerialization json = client.getKubernetesSerialization();
    HasMetadata desired = parse(json, manifest);
    boolean namespaced =
        desired instanceof Namespaced || desired.getMetadata().getNamespace() != null;
    if (namespaced && desired.getMetadata().getNamespace() == null) {
      desired.getMetadata().setNamespace(namespace);
    }
    String lastApplied = json.asJson(desired);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (desired.getMetadata().getAnnotations() != null) {
      annotations.putAll(desired.getMetadata().getAnnotations());
    }
    annotations.put(LAST_APPLIED, lastApplied);
    desired.getMetadata().setAnnotations(annotations);

    Resource<HasMetadata> resource =
        namespaced
            ? client.resource(desired).inNamespace(desired.getMetadata().getNamespace())
            : client.resource(desired);
    try {
      resource.create();
      return Outcome.CREATED;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
    HasMetadata current = resource.get();
    if (current == null) {
      // Deleted between the two calls: the next sync creates it.
      throw new KubernetesClientException(
          "%s %s vanished while being applied".formatted(desired.getKind(), name(desired)));
    }
    Map<String, Object> currentTree = tree(json, current);
    String previous =
        current.getMetadata().getAnnotations() == null
            ? null
            : current.getMetadata().getAnnotations().get(LAST_APPLIED);
    Map<String, Object> patch =
        MergePatch.threeWay(
            previous == null ? null : tree(json, json.unmarshal(previous, Map.class)),
            tree(json, desired),
            currentTree);
    if (patch.isEmpty()) {
      return Outcome.UNCHANGED;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata =
        (Map<String, Object>) patch.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    // Optimistic concurrency, as Flyte adds the resourceVersion it read.
    metadata.put("resourceVersion", current.getMetadata().getResourceVersion());
    resource.patch(PatchContext.of(PatchType.JSON_MERGE), json.asJson(patch));
    return Outcome.UPDATED;
  }

  private static HasMetadata parse(KubernetesSerialization json, String manifest) {
    Object parsed;
    try {
      parsed = json.unmarshal(manifest);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Kubernetes object: " + e.getMessage(), e);
    }
    if (!(parsed instanceof HasMetadata object) || object.getMetadata() == null) {
      throw new IllegalArgumentException(
          "not one Kubernetes object with metadata (a template holds exactly one)");
    }
    return object;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(KubernetesSerialization json, Object object) {
    return json.convertValue(object, Map.class);
  }

  private static String name(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
  }
}
