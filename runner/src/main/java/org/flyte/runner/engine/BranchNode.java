package org.flyte.runner.engine;

import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Literals.LiteralMap;
import org.flyte.compiler.k8s.model.BranchNodeSpec;
import org.flyte.compiler.k8s.model.IfBlock;
import org.flyte.compiler.k8s.model.NodeSpec;

/**
 * A branch node ({@code flytepropeller/pkg/controller/nodes/branch/handler.go}, v1.16.8): the first
 * condition that holds picks the node to run, else the else node, else the branch fails with its
 * error; the taken node runs under the branch's output directory and its outputs are the branch's.
 */
final class BranchNode {

  private final GraphRun graph;
  private final NodeRef ref;

  BranchNode(GraphRun graph, NodeRef ref, NodeExecutor.NodeOutcome outcome) {
    this.graph = graph;
    this.ref = ref;
  }

  LiteralMap run(LiteralMap inputs) throws NodeFailure.Raised, InterruptedException {
    BranchNodeSpec branch = ref.spec().branch();
    graph.ctx.events.node(ref, NodeExecution.Phase.RUNNING, e -> {});
    String taken = null;
    if (Conditions.evaluate(branch.ifBlock().condition(), inputs)) {
      taken = branch.ifBlock().thenNode();
    } else {
      for (IfBlock block : branch.elseIf()) {
        if (Conditions.evaluate(block.condition(), inputs)) {
          taken = block.thenNode();
          break;
        }
      }
    }
    if (taken == null) {
      taken = branch.elseNode();
    }
    if (taken == null) {
      if (branch.elseFail() != null) {
        throw new NodeFailure(
                NodeFailure.error(
                    ExecutionError.ErrorKind.USER,
                    "UserProvidedError",
                    "[UserProvidedError] " + branch.elseFail().getMessage()),
                false,
                false)
            .raise();
      }
      throw NodeFailure.user(
              "MalformedBranchUserError", "[MalformedBranchUserError] No branch satisfied", false)
          .raise();
    }
    NodeSpec node = graph.spec.node(taken);
    if (node == null) {
      throw NodeFailure.system("BadSpecification", "branch node [" + taken + "] not found", false)
          .raise();
    }
    graph.awaitUpstream(taken);
    LiteralMap outputs =
        new NodeExecutor(graph)
            .execute(
                node,
                ref.outputDir(0).resolve(taken),
                ParentInfo.of(ref.parent(), ref.spec().id(), 0, false));
    graph.setOutputs(taken, outputs);
    return outputs;
  }
}
