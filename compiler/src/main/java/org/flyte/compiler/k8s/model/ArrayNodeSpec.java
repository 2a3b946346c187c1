package org.flyte.compiler.k8s.model;

import java.util.List;

/**
 * An array node ({@code v1alpha1.ArrayNodeSpec}, written with Go's field names as keys): one
 * sub-node run for each element of its inputs.
 *
 * @param subNodeSpec the node run per element
 * @param parallelism how many run at once; null when unset
 * @param minSuccesses how many must succeed; null when unset
 * @param minSuccessRatio which share must succeed; null when unset
 * @param boundInputs the inputs bound as a whole rather than per element; null when none
 */
public record ArrayNodeSpec(
    NodeSpec subNodeSpec,
    Long parallelism,
    Long minSuccesses,
    Float minSuccessRatio,
    List<String> boundInputs) {

  public ArrayNodeSpec {
    boundInputs = Models.listCopy(boundInputs);
  }
}
