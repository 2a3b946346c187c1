package org.flyte.admin.service.execution;

import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.admin.repository.execution.NodeExecutionLookupRepository;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Component;

/**
 * The link of a child execution to the node that launched it (a launch-plan node, started by
 * FlytePropeller with {@code spec.metadata.parent_node_execution}). Follows {@code
 * getInheritedExecMetadata} of {@code flyteadmin/pkg/manager/impl/execution_manager.go} (v1.16.8):
 * the node execution and its execution must exist (NOT_FOUND otherwise, which propeller retries);
 * the child takes the parent execution's principal, its nesting plus one and its cluster label.
 */
@Component
class ParentExecutions {

  /**
   * The link of an execution to its parent.
   *
   * @param nodeExecutionRowId {@code node_executions.id} of the launching node, 0 for none
   * @param sourceExecutionRowId {@code executions.id} of the parent execution, 0 for none
   */
  record Parent(long nodeExecutionRowId, long sourceExecutionRowId) {
    static final Parent NONE = new Parent(0, 0);
  }

  private final NodeExecutionLookupRepository nodes;
  private final ExecutionRepository executions;

  ParentExecutions(NodeExecutionLookupRepository nodes, ExecutionRepository executions) {
    this.nodes = nodes;
    this.executions = executions;
  }

  /** The parent of the execution {@code spec} describes, whose metadata it completes. */
  Parent inherit(ExecutionSpec.Builder spec) {
    if (!spec.getMetadata().hasParentNodeExecution()) {
      return Parent.NONE;
    }
    NodeExecutionIdentifier node = spec.getMetadata().getParentNodeExecution();
    long nodeRowId =
        nodes
            .find(node)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "missing entity of type node execution with identifier %s",
                        ProtoText.render(node)))
            .rowId();
    WorkflowExecutionIdentifier parentId = node.getExecutionId();
    ExecutionRow parent =
        executions
            .find(parentId)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "missing entity of type execution with identifier %s",
                        ProtoText.render(parentId)));
    spec.getMetadataBuilder()
        .setPrincipal(parent.user())
        .setNesting(parent.spec().getMetadata().getNesting() + 1);
    if (parent.spec().hasExecutionClusterLabel()) {
      spec.setExecutionClusterLabel(parent.spec().getExecutionClusterLabel());
    }
    return new Parent(nodeRowId, parent.rowId());
  }
}
