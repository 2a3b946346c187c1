package org.flyte.runner;

import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.SignalIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flyte.runner.remote.ControlPlane;

/**
 * FlyteAdmin as a map: child executions succeed with given outputs; launch plans and signals set by
 * the test.
 */
final class FakeControlPlane implements ControlPlane {

  final List<ExecutionCreateRequest> created = new CopyOnWriteArrayList<>();
  final Map<String, Literal> signals = new ConcurrentHashMap<>();
  final Map<Identifier, LaunchPlan> launchPlans = new ConcurrentHashMap<>();
  final List<String> signalsAsked = new CopyOnWriteArrayList<>();
  final List<String> terminated = new CopyOnWriteArrayList<>();
  volatile LiteralMap childOutputs = LiteralMap.getDefaultInstance();
  volatile WorkflowExecution.Phase childPhase = WorkflowExecution.Phase.SUCCEEDED;

  @Override
  public void createExecution(ExecutionCreateRequest request) {
    created.add(request);
  }

  @Override
  public Optional<Execution> getExecution(WorkflowExecutionIdentifier id) {
    return Optional.of(
        Execution.newBuilder()
            .setId(id)
            .setClosure(ExecutionClosure.newBuilder().setPhase(childPhase))
            .build());
  }

  @Override
  public LiteralMap executionOutputs(WorkflowExecutionIdentifier id) {
    return childOutputs;
  }

  @Override
  public void terminateExecution(WorkflowExecutionIdentifier id, String cause) {
    terminated.add(id.getName());
  }

  @Override
  public Optional<LaunchPlan> launchPlan(Identifier id) {
    return Optional.ofNullable(launchPlans.get(id));
  }

  @Override
  public Optional<Literal> signal(SignalIdentifier id, LiteralType type) {
    signalsAsked.add(id.getSignalId());
    return Optional.ofNullable(signals.get(id.getSignalId()));
  }
}
