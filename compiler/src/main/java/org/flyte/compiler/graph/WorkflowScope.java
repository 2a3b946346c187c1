package org.flyte.compiler.graph;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Workflow.Node;
import org.flyte.compiler.errors.CompileErrors;

/**
 * A workflow under construction, as the validators see it (Go: {@code WorkflowBuilder} in {@code
 * compiler/common/builder.go}, v1.16.8). Lookups return null for what is not there.
 */
public interface WorkflowScope {

  /** The top-level node with this id that was added so far, or null. */
  CompilingNode node(String id);

  /**
   * The one {@link CompilingNode} wrapping {@code node} (the same builder object, the same node).
   */
  CompilingNode wrap(Node.Builder node);

  /** The id of the workflow being compiled (may be absent on a primary template). */
  Identifier workflowId();

  /** Whether the workflow being compiled has an id. */
  boolean hasWorkflowId();

  /** The (normalised) interface of the workflow being compiled. */
  TypedInterface workflowInterface();

  TaskEntry task(Identifier id);

  LaunchPlanInterface launchPlan(Identifier id);

  SubWorkflowEntry subWorkflow(Identifier id);

  /** Whether this workflow already compiled that sub-workflow. */
  boolean isSubWorkflowCompiled(Identifier id);

  /**
   * Compiles a sub-workflow with the same algorithm and stores the result; false (with errors
   * collected) when it does not compile.
   */
  boolean compileSubWorkflow(String nodeId, SubWorkflowEntry subWorkflow, CompileErrors errs);

  Edges edges();

  /**
   * Adds the edges of a node: its explicit upstream ids (unless {@code direction} is upstream only)
   * and those implied by its input bindings, whose types are checked on the way.
   */
  void addEdges(CompilingNode node, EdgeDirection direction, CompileErrors errs);
}
