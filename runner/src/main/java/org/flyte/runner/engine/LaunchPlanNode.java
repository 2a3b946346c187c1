package org.flyte.runner.engine;

import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.event.Event.WorkflowNodeMetadata;
import java.util.Optional;

/**
 * A launch-plan node ({@code flytepropeller/pkg/controller/nodes/subworkflow/launchplan.go} and
 * {@code launchplan/admin.go}, v1.16.8): a child execution created through FlyteAdmin's {@code
 * CreateExecution} (mode {@code CHILD_WORKFLOW}, linked to this node), polled until it ends; its
 * outputs are the node's. Cancelling the node terminates the child.
 */
final class LaunchPlanNode {

  private final GraphRun graph;
  private final NodeRef ref;
  private final NodeExecutor.NodeOutcome outcome;

  LaunchPlanNode(GraphRun graph, NodeRef ref, NodeExecutor.NodeOutcome outcome) {
    this.graph = graph;
    this.ref = ref;
    this.outcome = outcome;
  }

  /**
   * {@code GetChildWorkflowExecutionIDForExecution} ({@code subworkflow/util.go}): the parent's
   * name, the node and the attempt, hashed past 20 characters with 64-bit FNV-1a (32-bit for
   * resources of definition version 0; propeller gives a new resource the latest version, 1).
   */
  static String childName(RunContext ctx, String parentName, String nodeId) {
    Integer version = ctx.cr.status().definitionVersion();
    return version != null && version == 0
        ? UniqueIds.forParts(UniqueIds.NODE_ID_LENGTH, parentName, nodeId, "0")
        : UniqueIds.forParts64(UniqueIds.NODE_ID_LENGTH, parentName, nodeId, "0");
  }

  LiteralMap run(LiteralMap inputs) throws NodeFailure.Raised, InterruptedException {
    RunContext ctx = graph.ctx;
    WorkflowExecutionIdentifier parent = ctx.executionId();
    WorkflowExecutionIdentifier child =
        WorkflowExecutionIdentifier.newBuilder()
            .setProject(parent.getProject())
            .setDomain(parent.getDomain())
            .setName(childName(ctx, parent.getName(), ref.uniqueId()))
            .build();
    // FlyteAdmin links the child to its parent node execution, which it must know by then
    ctx.events.flush();
    ctx.services
        .controlPlane()
        .createExecution(
            ExecutionCreateRequest.newBuilder()
                .setProject(child.getProject())
                .setDomain(child.getDomain())
                .setName(child.getName())
                .setInputs(inputs)
                .setSpec(
                    ExecutionSpec.newBuilder()
                        .setLaunchPlan(ref.spec().workflow().launchPlanRefId())
                        .setMetadata(
                            ExecutionMetadata.newBuilder()
                                .setMode(ExecutionMetadata.ExecutionMode.CHILD_WORKFLOW)
                                .setParentNodeExecution(ctx.events.nodeExecutionId(ref)))
                        .setRawOutputDataConfig(ctx.cr.rawOutputDataConfig()))
                .build());
    outcome.decorate =
        e -> e.setWorkflowNodeMetadata(WorkflowNodeMetadata.newBuilder().setExecutionId(child));
    ctx.events.node(ref, NodeExecution.Phase.RUNNING, outcome.decorate);
    graph.cancel.onCancel(
        () -> {
          try {
            ctx.services.controlPlane().terminateExecution(child, "parent node aborted");
          } catch (RuntimeException e) {
            // the child ends on its own when FlyteAdmin is back
          }
        });
    while (true) {
      graph.cancel.check();
      Optional<Execution> exec = ctx.services.controlPlane().getExecution(child);
      if (exec.isPresent()) {
        WorkflowExecution.Phase phase = exec.get().getClosure().getPhase();
        switch (phase) {
          case SUCCEEDED:
            return ctx.services.controlPlane().executionOutputs(child);
          case FAILED:
          case TIMED_OUT:
          case ABORTED:
            ExecutionError err = exec.get().getClosure().getError();
            throw new NodeFailure(
                    err.getCode().isEmpty()
                        ? NodeFailure.error(
                            ExecutionError.ErrorKind.USER,
                            "LaunchPlanFailed",
                            "child execution " + child.getName() + " ended " + phase)
                        : err,
                    false,
                    false)
                .raise();
          default:
            break;
        }
      }
      Thread.sleep(1000);
    }
  }
}
