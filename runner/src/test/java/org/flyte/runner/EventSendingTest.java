package org.flyte.runner;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.compiler.k8s.model.WorkflowNodeSpec;
import org.flyte.compiler.k8s.model.WorkflowSpec;
import org.flyte.runner.event.EventRejectedException;
import org.flyte.runner.event.EventSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine does not wait for FlyteAdmin's answers to its events, yet FlyteAdmin gets them in the
 * order they happened, a refused one still stops the execution, and a child execution is created
 * only once FlyteAdmin knows its parent node.
 */
class EventSendingTest {

  @TempDir Path work;

  private final InMemoryBlobStore store = new InMemoryBlobStore(BlobStoreSettings.of("bucket"));
  private final RecordingSink recorded = new RecordingSink();
  private final HeldSink sink = new HeldSink(recorded);
  private final Map<String, TaskTemplate> byName = new HashMap<>();
  private final FakeLauncher launcher = new FakeLauncher(new ProtoStore(store), byName);
  private final FakeControlPlane admin = new FakeControlPlane();
  private final WorkflowRunner runner =
      new WorkflowRunner(
          RunnerSettings.defaults().withWorkDirectory(work).withMaxParallelTasks(2),
          new RunnerServices(store, sink, launcher, admin, null, null));

  @AfterEach
  void close() {
    sink.release();
    runner.close();
  }

  @Test
  void theNextNodeOfAChainStartsWhileThePreviousNodesEventsAreStillOnTheirWay() throws Exception {
    sink.holdAt("node n0 SUCCEEDED");
    FlyteWorkflow cr = chain(3);

    runner.start(cr);

    // n0's SUCCEEDED is held on its way to FlyteAdmin; n1's process starts all the same
    awaitTrue(() -> launcher.launched.size() >= 2);
    assertThat(recorded.lines()).doesNotContain("node n0 SUCCEEDED", "node n1 QUEUED");
    sink.release();
    assertThat(runner.await(cr.executionId(), Duration.ofSeconds(30)))
        .contains(WorkflowExecution.Phase.SUCCEEDED);
    assertThat(recorded.lines())
        .containsExactly(
            "wf RUNNING",
            "node n0 QUEUED",
            "task n0#0 QUEUED",
            "task n0#0 RUNNING",
            "node n0 RUNNING",
            "task n0#0 SUCCEEDED",
            "node n0 SUCCEEDED",
            "node n1 QUEUED",
            "task n1#0 QUEUED",
            "task n1#0 RUNNING",
            "node n1 RUNNING",
            "task n1#0 SUCCEEDED",
            "node n1 SUCCEEDED",
            "node n2 QUEUED",
            "task n2#0 QUEUED",
            "task n2#0 RUNNING",
            "node n2 RUNNING",
            "task n2#0 SUCCEEDED",
            "node n2 SUCCEEDED",
            "wf SUCCEEDING",
            "wf SUCCEEDED");
  }

  @Test
  void anEventFlyteAdminRefusesStopsTheExecutionAndNothingIsSentAfterIt() throws Exception {
    sink.refuseAt("node n1 QUEUED");
    // n1's process runs until killed: the refusal reaches the engine while it runs
    launcher.script.put(
        "m.inc", List.of(FakeLauncher.Behaviour.SUCCEED, FakeLauncher.Behaviour.HANG));
    FlyteWorkflow cr = chain(3);

    runner.start(cr);

    assertThat(runner.await(cr.executionId(), Duration.ofSeconds(30)))
        .contains(WorkflowExecution.Phase.UNDEFINED);
    List<String> lines = recorded.lines();
    assertThat(lines).endsWith("node n0 SUCCEEDED").doesNotContain("wf SUCCEEDED");
    // n1 started before the refusal came back, and was stopped; n2 never started
    assertThat(launcher.killed).hasValue(1);
    assertThat(launcher.launched).hasSize(2);
  }

  @Test
  void aChildExecutionIsCreatedOnlyOnceFlyteAdminHasItsParentNode() throws Exception {
    sink.delayEach(Duration.ofMillis(50));
    admin.childOutputs = LiteralMap.newBuilder().putLiterals("o0", Workflows.integer(3)).build();
    List<List<String>> seenAtCreation = new CopyOnWriteArrayList<>();
    admin.onCreate = () -> seenAtCreation.add(recorded.lines());
    Identifier lp =
        Identifier.newBuilder()
            .setResourceType(ResourceType.LAUNCH_PLAN)
            .setProject("p")
            .setDomain("d")
            .setName("child")
            .setVersion("v1")
            .build();
    NodeSpec node =
        Workflows.node("n0", NodeKind.WORKFLOW, List.of(Workflows.promise("a", "start-node", "x")))
            .toBuilder()
            .workflow(new WorkflowNodeSpec(lp, null))
            .build();
    FlyteWorkflow cr = resource(Workflows.chain("p:d:wf", List.of(node)));

    runner.start(cr);

    assertThat(runner.await(cr.executionId(), Duration.ofSeconds(30)))
        .contains(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(seenAtCreation).hasSize(1);
    assertThat(seenAtCreation.get(0)).containsExactly("wf RUNNING", "node n0 QUEUED");
  }

  private FlyteWorkflow chain(int length) {
    TaskTemplate inc = Workflows.pythonTask("m", "inc", "a");
    byName.put(inc.getId().getName(), inc);
    List<NodeSpec> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < length; i++) {
      String from = i == 0 ? "start-node" : "n" + (i - 1);
      String var = i == 0 ? "x" : "o0";
      nodes.add(
          Workflows.node("n" + i, NodeKind.TASK, List.of(Workflows.promise("a", from, var)))
              .toBuilder()
              .taskRef(Workflows.key(inc))
              .build());
    }
    return resource(Workflows.chain("p:d:wf", nodes));
  }

  private FlyteWorkflow resource(WorkflowSpec spec) {
    Map<String, TaskTemplate> tasks = new HashMap<>();
    byName.values().forEach(t -> tasks.put(Workflows.key(t), t));
    return Workflows.resource(
        Workflows.newId(),
        spec,
        tasks,
        null,
        LiteralMap.newBuilder().putLiterals("x", Workflows.integer(1)).build());
  }

  /** Waits (at most 30 s) until {@code condition} holds. */
  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s for the condition").isLessThan(end);
      Thread.sleep(10);
    }
  }

  /**
   * FlyteAdmin with a hand on its answers: holds the sender at one event until released, refuses
   * one, or answers each after a delay; what it accepts goes to a {@link RecordingSink}.
   */
  private static final class HeldSink implements EventSink {

    private final RecordingSink target;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String holdAt;
    private volatile String refuseAt;
    private volatile Duration delay = Duration.ZERO;

    HeldSink(RecordingSink target) {
      this.target = target;
    }

    void holdAt(String line) {
      holdAt = line;
    }

    void refuseAt(String line) {
      refuseAt = line;
    }

    void delayEach(Duration value) {
      delay = value;
    }

    void release() {
      released.countDown();
    }

    @Override
    public void workflow(WorkflowExecutionEvent event) {
      answer("wf " + event.getPhase());
      target.workflow(event);
    }

    @Override
    public void node(NodeExecutionEvent event) {
      answer("node " + event.getId().getNodeId() + " " + event.getPhase());
      target.node(event);
    }

    @Override
    public void task(TaskExecutionEvent event) {
      answer(
          "task "
              + event.getParentNodeExecutionId().getNodeId()
              + "#"
              + event.getRetryAttempt()
              + " "
              + event.getPhase());
      target.task(event);
    }

    private void answer(String line) {
      try {
        Thread.sleep(delay.toMillis());
        if (line.equals(holdAt)) {
          released.await(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (line.equals(refuseAt)) {
        throw new EventRejectedException(Status.Code.INVALID_ARGUMENT, "refused " + line, null);
      }
    }
  }
}
