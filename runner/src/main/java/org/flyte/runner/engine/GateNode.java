package org.flyte.runner.engine;

import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.IdentifierOuterClass.SignalIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.time.Duration;
import java.util.Optional;
import org.flyte.compiler.k8s.json.GoDuration;
import org.flyte.compiler.k8s.model.GateNodeSpec;

/**
 * A gate node ({@code flytepropeller/pkg/controller/nodes/gate/handler.go}, v1.16.8): waits for a
 * signal (its value is the node's output), an approval (a boolean signal; true passes the node's
 * inputs on as its outputs, false fails it) or a duration (no outputs), polling FlyteAdmin's {@code
 * SignalService} every second. As for every node ({@code nodes/executor.go}'s {@code execute}), a
 * gate still waiting past its timeout (the node's execution deadline; flytekit's {@code
 * approve(..., timeout=)} and {@code wait_for_input(..., timeout=)}) fails with {@code
 * RetriesExhausted|TimeoutExpired}, a gate has one attempt, and past its active deadline it times
 * out.
 */
final class GateNode {

  private static final Duration POLL = Duration.ofSeconds(1);

  private final GraphRun graph;
  private final NodeRef ref;
  private final long started = System.nanoTime();

  GateNode(GraphRun graph, NodeRef ref, NodeExecutor.NodeOutcome outcome) {
    this.graph = graph;
    this.ref = ref;
  }

  LiteralMap run(LiteralMap inputs) throws NodeFailure.Raised, InterruptedException {
    GateNodeSpec gate = ref.spec().gate();
    graph.ctx.events.node(ref, NodeExecution.Phase.RUNNING, e -> {});
    if (gate.sleep() != null) {
      var d = gate.sleep().getDuration();
      // from the node's start, as are its deadlines
      sleepUntil(started + Duration.ofSeconds(d.getSeconds(), d.getNanos()).toNanos());
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

  private Literal await(String signalId, LiteralType type)
      throws InterruptedException, NodeFailure.Raised {
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
      sleepUntil(System.nanoTime() + POLL.toNanos());
    }
  }

  private void sleepUntil(long end) throws InterruptedException, NodeFailure.Raised {
    while (true) {
      graph.cancel.check();
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      checkDeadlines();
      Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 200)));
    }
  }

  /** Propeller's checks after each round of a node that has not ended: active, then execution. */
  private void checkDeadlines() throws NodeFailure.Raised {
    long waited = System.nanoTime() - started;
    Duration active = ref.spec().activeDeadline();
    if (active != null && !active.isZero() && waited >= active.toNanos()) {
      throw new NodeFailure(
              NodeFailure.error(
                  ExecutionError.ErrorKind.USER,
                  "TimeoutExpired",
                  "task active timeout [" + GoDuration.format(active) + "] expired"),
              false,
              true)
          .raise();
    }
    Duration execution = ref.spec().executionDeadline();
    if (execution != null && !execution.isZero() && waited >= execution.toNanos()) {
      throw NodeFailure.user(
              "RetriesExhausted|TimeoutExpired",
              "[1/1] currentAttempt done. Last Error: USER::task execution timeout ["
                  + GoDuration.format(execution)
                  + "] expired",
              false)
          .raise();
    }
  }
}
