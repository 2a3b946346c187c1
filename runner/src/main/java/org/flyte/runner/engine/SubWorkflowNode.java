package org.flyte.runner.engine;

import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Literals.LiteralMap;
import org.flyte.compiler.k8s.model.WorkflowSpec;

/**
 * A sub-workflow node ({@code flytepropeller/pkg/controller/nodes/subworkflow/subworkflow.go},
 * v1.16.8): the sub-workflow's graph runs with the node's inputs, its nodes reported as children of
 * this one; when it fails its failure node runs, then the node fails with its error.
 */
final class SubWorkflowNode {

  private final GraphRun graph;
  private final NodeRef ref;
  private final NodeExecutor.NodeOutcome outcome;

  SubWorkflowNode(GraphRun graph, NodeRef ref, NodeExecutor.NodeOutcome outcome) {
    this.graph = graph;
    this.ref = ref;
    this.outcome = outcome;
  }

  LiteralMap run(LiteralMap inputs) throws NodeFailure.Raised, InterruptedException {
    WorkflowSpec spec = graph.ctx.subWorkflow(ref.spec().workflow().subWorkflowRef());
    outcome.decorate = e -> e.setIsParent(true);
    graph.ctx.events.node(ref, NodeExecution.Phase.RUNNING, e -> e.setIsParent(true));
    ParentInfo parent = ParentInfo.of(ref.parent(), ref.spec().id(), 0, false);
    GraphRun child =
        new GraphRun(graph.ctx, spec, parent, ref.outputDir(0), inputs, graph.cancel.child());
    try {
      return child.run();
    } catch (NodeFailure.Raised e) {
      if (spec.onFailure() != null) {
        try {
          new NodeExecutor(child).execute(spec.onFailure(), null);
        } catch (NodeFailure.Raised ignored) {
          // the sub-workflow's own failure is what the node reports
        }
      }
      throw e;
    }
  }
}
