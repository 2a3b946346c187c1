package org.flyte.compiler.k8s.model;

import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Workflow.WorkflowMetadata.OnFailurePolicy;
import java.util.List;
import java.util.Map;

/**
 * A workflow's graph ({@code v1alpha1.WorkflowSpec}): the primary workflow is the resource's {@code
 * spec}, sub-workflows are the values of {@code subWorkflows}.
 *
 * @param id the workflow id, {@code project:domain:name}
 * @param nodes node id → node, including {@code start-node} and {@code end-node}
 * @param connections the deprecated downstream map ({@code connections}), kept for old readers
 * @param edges downstream and upstream node ids ({@code edges}); propeller reads this
 * @param onFailure the node run when the workflow fails; null when none
 * @param outputs the workflow's output variables; null when absent
 * @param outputBindings where each output comes from; null when none (empty becomes null)
 * @param onFailurePolicy whether to fail immediately or after running nodes finish
 */
public record WorkflowSpec(
    String id,
    Map<String, NodeSpec> nodes,
    Map<String, List<String>> connections,
    Connections edges,
    NodeSpec onFailure,
    VariableMap outputs,
    List<Binding> outputBindings,
    OnFailurePolicy onFailurePolicy) {

  public WorkflowSpec {
    nodes = Models.sortedCopy(nodes, n -> n);
    connections = Models.sortedCopy(connections, Models::listCopy);
    outputBindings = Models.nonEmptyCopy(outputBindings);
    onFailurePolicy = onFailurePolicy == null ? OnFailurePolicy.FAIL_IMMEDIATELY : onFailurePolicy;
  }

  /** The node with id {@code nodeId}, or null. */
  public NodeSpec node(String nodeId) {
    return nodes == null ? null : nodes.get(nodeId);
  }

  /** The ids of the nodes that run after {@code nodeId}; empty when none. */
  public List<String> downstreamOf(String nodeId) {
    List<String> ids =
        edges == null || edges.downstream() == null ? null : edges.downstream().get(nodeId);
    return ids == null ? List.of() : ids;
  }

  /** The ids of the nodes {@code nodeId} waits for; empty when none. */
  public List<String> upstreamOf(String nodeId) {
    List<String> ids =
        edges == null || edges.upstream() == null ? null : edges.upstream().get(nodeId);
    return ids == null ? List.of() : ids;
  }
}
