package org.flyte.compiler.validators;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowNode;
import java.util.ArrayList;
import java.util.List;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.CompilingNode;
import org.flyte.compiler.graph.EdgeDirection;
import org.flyte.compiler.graph.Identifiers;
import org.flyte.compiler.graph.NodeIds;
import org.flyte.compiler.graph.SubWorkflowEntry;
import org.flyte.compiler.graph.TaskEntry;
import org.flyte.compiler.graph.WorkflowScope;

/**
 * One node of a workflow (Go: {@code ValidateNode} in {@code validators/node.go}, v1.16.8): its
 * interface and output aliases, its upstream ids (sorted in place, not checked for existence), and
 * what its kind adds: a branch's cases and inner nodes (which record upstream edges only), a
 * sub-workflow compiled with the same algorithm (once per workflow), a task that must have been
 * supplied. The synthetic {@code start-node} and {@code end-node} are not validated here.
 */
public final class NodeValidator {

  private NodeValidator() {}

  /** Validates {@code node}; true when no error was found. */
  public static boolean validateNode(
      WorkflowScope scope, CompilingNode node, boolean validateConditionTypes, CompileErrors errs) {
    int mark = errs.mark();
    if (node.id().isEmpty()) {
      errs.collect(CompileError.valueRequired("<node>", "Id"));
    }
    if (NodeIds.isSentinel(node.id())) {
      return true;
    }
    int ifaceMark = errs.mark();
    InterfaceValidator.underlyingInterface(scope, node, errs);
    if (!errs.hasErrorsSince(ifaceMark)) {
      Variables.effectiveOutputs(node, errs);
    }
    sortUpstreamIds(node.node());

    Node.Builder n = node.node();
    if (n.hasBranchNode()) {
      int branchMark = errs.mark();
      List<CompilingNode> inner =
          BranchValidator.validateBranchNode(scope, node, validateConditionTypes, errs);
      if (!errs.hasErrorsSince(branchMark)) {
        for (CompilingNode innerNode : inner) {
          scope.addEdges(innerNode, EdgeDirection.UPSTREAM, errs);
        }
      }
    } else if (n.hasWorkflowNode() && n.getWorkflowNode().hasSubWorkflowRef()) {
      validateSubWorkflow(scope, node, n.getWorkflowNode(), errs);
    } else if (n.hasTaskNode() && n.getTaskNode().hasReferenceId()) {
      Identifier taskId = n.getTaskNode().getReferenceId();
      TaskEntry task = scope.task(taskId);
      if (task == null) {
        errs.collect(CompileError.taskReferenceNotFound(node.id(), Identifiers.key(taskId)));
      }
    }
    return !errs.hasErrorsSince(mark);
  }

  private static void validateSubWorkflow(
      WorkflowScope scope, CompilingNode node, WorkflowNode workflowNode, CompileErrors errs) {
    Identifier id = workflowNode.getSubWorkflowRef();
    if (scope.isSubWorkflowCompiled(id)) {
      return;
    }
    SubWorkflowEntry subWorkflow = scope.subWorkflow(id);
    if (subWorkflow == null) {
      errs.collect(CompileError.workflowReferenceNotFound(node.id(), Identifiers.key(id)));
      return;
    }
    if (!node.subWorkflowCompiled() && scope.compileSubWorkflow(node.id(), subWorkflow, errs)) {
      node.markSubWorkflowCompiled();
    }
  }

  private static void sortUpstreamIds(Node.Builder node) {
    List<String> ids = node.getUpstreamNodeIdsList();
    for (int i = 1; i < ids.size(); i++) {
      if (ids.get(i - 1).compareTo(ids.get(i)) > 0) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        node.clearUpstreamNodeIds().addAllUpstreamNodeIds(sorted);
        return;
      }
    }
  }
}
