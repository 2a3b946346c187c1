package org.flyte.compiler.k8s.model;

import com.google.gson.JsonElement;
import java.util.Map;

/**
 * A node's resource overrides ({@code corev1.ResourceRequirements}): resource name ({@code cpu},
 * {@code memory}, {@code ephemeral-storage}, {@code nvidia.com/gpu}) → canonical quantity.
 *
 * @param limits the limits; empty when none
 * @param requests the requests; empty when none
 * @param claims the dynamic resource claims as JSON; null when none
 */
public record ResourceRequirements(
    Map<String, String> limits, Map<String, String> requests, JsonElement claims) {

  public ResourceRequirements {
    limits = limits == null ? Map.of() : Models.sortedCopy(limits);
    requests = requests == null ? Map.of() : Models.sortedCopy(requests);
  }

  /** No requests, no limits ({@code {}}). */
  public static final ResourceRequirements NONE = new ResourceRequirements(null, null, null);
}
