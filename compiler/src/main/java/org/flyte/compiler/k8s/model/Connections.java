package org.flyte.compiler.k8s.model;

import java.util.List;
import java.util.Map;

/**
 * A workflow's graph ({@code v1alpha1.Connections}, the spec's {@code edges}): for each node, the
 * nodes after it and the nodes before it. A node's list is {@code null} where Go had a nil slice.
 *
 * @param downstream node id → the ids of the nodes that run after it; null when absent
 * @param upstream node id → the ids of the nodes it waits for; null when absent
 */
public record Connections(
    Map<String, List<String>> downstream, Map<String, List<String>> upstream) {

  public Connections {
    downstream = Models.sortedCopy(downstream, Models::listCopy);
    upstream = Models.sortedCopy(upstream, Models::listCopy);
  }
}
