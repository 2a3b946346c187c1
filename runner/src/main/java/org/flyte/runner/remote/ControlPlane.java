package org.flyte.runner.remote;

import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.SignalIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import java.util.Optional;

/**
 * What the runner asks FlyteAdmin besides events: child executions of launch-plan nodes ({@code
 * flytepropeller/pkg/controller/nodes/subworkflow/launchplan/admin.go}), the launch plans a dynamic
 * workflow calls ({@code nodes/dynamic/dynamic_workflow.go}) and the signals of gate nodes ({@code
 * flytepropeller/pkg/controller/nodes/gate/handler.go}), Flyte v1.16.8.
 */
public interface ControlPlane {

  /** Creates a child execution; one that already exists is not an error. */
  void createExecution(ExecutionCreateRequest request);

  /** The execution, or empty when FlyteAdmin does not know it. */
  Optional<Execution> getExecution(WorkflowExecutionIdentifier id);

  /** The outputs of a finished execution. */
  LiteralMap executionOutputs(WorkflowExecutionIdentifier id);

  /** Terminates a child execution; one that is gone or already ended is not an error. */
  void terminateExecution(WorkflowExecutionIdentifier id, String cause);

  /** The launch plan, or empty when FlyteAdmin does not know it. */
  Optional<LaunchPlan> launchPlan(Identifier id);

  /** Creates the signal if needed; its value once set, else empty. */
  Optional<Literal> signal(SignalIdentifier id, LiteralType type);
}
