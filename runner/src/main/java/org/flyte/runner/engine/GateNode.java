package org.flyte.runner.engine;

import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.IdentifierOuterClass.SignalIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.time.Duration;
import java.util.Optional;
import org.flyte.compiler.k8s.model.GateNodeSpec;

/**
 * A gate node ({@code flytepropeller/pkg/controller/nodes/gate/handler.go}, v1.16.8): waits for a
 * signal (its value is the node's output), an approval (a boolean signal; true passes the node's
 * inputs on as its outputs, false fails it) or a duration (no outputs), polling FlyteAdmin's {@code
 * SignalService} every second.
 */
final class GateNode {

  private static final Duration POLL = Duration.ofSeconds(1);

  private final GraphRun graph;
  private final NodeRef ref;

  GateNode(GraphRun graph, NodeRef ref, NodeExecutor.NodeOutcome outcome) {
    this.graph = graph;
    this.ref = ref;
  }

  LiteralMap run(LiteralMap inputs) throws NodeFailure.Raised, InterruptedException {
    GateNodeSpec gate = ref.spec().gate();
    graph.ctx.events.node(ref, NodeExecution.Phase.RUNNING, e -> {});
    if (gate.sleep() != null) {
      var d = gate.sleep().getDuration();
      sleep(Duration.ofSeconds(d.getSeconds(), d.getNanos()));
      return LiteralMap.getDefaultInstance();
    }
    if (gate.approve() != null) {
      Literal value =
          await(
              gate.approve().getSignalId(),
              LiteralType.newBuilder().setSimple(SimpleType.BOOLEAN).build());
      if (!value.getScalar().getPrimitive().getBoolean()) {
        throw NodeFailure.user(
                "ReceivedRejectSignal",
                "received a reject signal to disapprove the node input values",
                false)
            .raise();
      }
      return inputs;
    }
    if (gate.signal() != null) {
      Literal value = await(gate.signal().getSignalId(), gate.signal().getType());
      return LiteralMap.newBuilder()
          .putLiterals(gate.signal().getOutputVariableName(), value)
          .build();
    }
    throw NodeFailure.system("BadSpecification", "the gate node has no condition", false).raise();
  }

  private Literal await(String signalId, LiteralType type) throws InterruptedException {
    SignalIdentifier id =
        SignalIdentifier.newBuilder()
            .setSignalId(signalId)
            .setExecutionId(graph.ctx.executionId())
            .build();
    while (true) {
      Optional<Literal> value = graph.ctx.services.controlPlane().signal(id, type);
      if (value.isPresent()) {
        return value.get();
      }
      sleep(POLL);
    }
  }

  private void sleep(Duration d) throws InterruptedException {
    long end = System.nanoTime() + d.toNanos();
    while (true) {
      graph.cancel.check();
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 200)));
    }
  }
}
