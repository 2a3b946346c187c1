package org.flyte.runner;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Workflow.ApproveCondition;
import flyteidl.core.Workflow.SleepCondition;
import flyteidl.event.Event.NodeExecutionEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.GateNodeSpec;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate's timeout (flytekit's {@code approve(..., timeout=)}: the node's execution deadline, and
 * twice that its active deadline): propeller's node executor fails a node still waiting past it.
 */
class GateTimeoutTest {

  @TempDir Path work;

  private final InMemoryBlobStore store = new InMemoryBlobStore(BlobStoreSettings.of("bucket"));
  private final RecordingSink sink = new RecordingSink();
  private final FakeControlPlane admin = new FakeControlPlane();
  private final WorkflowRunner runner =
      new WorkflowRunner(
          RunnerSettings.defaults().withWorkDirectory(work),
          new RunnerServices(
              store,
              sink,
              new FakeLauncher(new ProtoStore(store), Map.of()),
              admin,
              new FakeCatalog(),
              null));

  @AfterEach
  void close() {
    runner.close();
  }

  private WorkflowExecution.Phase run(NodeSpec gate) throws Exception {
    FlyteWorkflow cr =
        Workflows.resource(
            Workflows.newId(),
            Workflows.chain("p:d:wf", List.of(gate)),
            Map.of(),
            null,
            LiteralMap.newBuilder().putLiterals("x", Workflows.integer(1)).build());
    runner.start(cr);
    return runner.await(cr.executionId(), Duration.ofSeconds(20)).orElseThrow();
  }

  private static NodeSpec approval(Duration timeout) {
    return Workflows.node("n0", NodeKind.GATE, List.of(Workflows.promise("o0", "start-node", "x")))
        .toBuilder()
        .gate(
            new GateNodeSpec(
                "approve", ApproveCondition.newBuilder().setSignalId("ok").build(), null, null))
        .executionDeadline(timeout)
        .activeDeadline(timeout.multipliedBy(2))
        .build();
  }

  private NodeExecutionEvent last() {
    List<NodeExecutionEvent> events = sink.of(NodeExecutionEvent.class);
    return events.get(events.size() - 1);
  }

  @Test
  void anApprovalThatNeverComesFailsTheGateAtItsTimeout() throws Exception {
    long start = System.nanoTime();

    assertThat(run(approval(Duration.ofMillis(1500)))).isEqualTo(WorkflowExecution.Phase.FAILED);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(sink.lines()).containsSubsequence("node n0 RUNNING", "node n0 FAILED", "wf FAILED");
    ExecutionError error = last().getError();
    assertThat(error.getKind()).isEqualTo(ExecutionError.ErrorKind.USER);
    assertThat(error.getCode()).isEqualTo("RetriesExhausted|TimeoutExpired");
    assertThat(error.getMessage())
        .isEqualTo(
            "[1/1] currentAttempt done. Last Error: USER::task execution timeout [1.5s] expired");
    assertThat(admin.signalsAsked).contains("ok");
  }

  @Test
  void anApprovalBeforeTheTimeoutPasses() throws Exception {
    admin.signals.put(
        "ok",
        flyteidl.core.Literals.Literal.newBuilder()
            .setScalar(
                flyteidl.core.Literals.Scalar.newBuilder()
                    .setPrimitive(flyteidl.core.Literals.Primitive.newBuilder().setBoolean(true)))
            .build());

    assertThat(run(approval(Duration.ofSeconds(5)))).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(last().getPhase()).isEqualTo(NodeExecution.Phase.SUCCEEDED);
  }

  @Test
  void aSleepAsLongAsItsTimeoutStillPasses() throws Exception {
    NodeSpec sleep =
        Workflows.node("n0", NodeKind.GATE, List.of()).toBuilder()
            .gate(
                new GateNodeSpec(
                    "sleep",
                    null,
                    null,
                    SleepCondition.newBuilder()
                        .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(1))
                        .build()))
            .executionDeadline(Duration.ofSeconds(1))
            .activeDeadline(Duration.ofSeconds(2))
            .build();

    run(sleep); // (the workflow then fails: the chain's output is not the sleep's)

    assertThat(sink.lines()).containsSubsequence("node n0 RUNNING", "node n0 SUCCEEDED");
  }
}
