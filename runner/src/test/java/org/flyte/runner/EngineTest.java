package org.flyte.runner;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.DynamicJob.DynamicJobSpec;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.SignalCondition;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.event.Event.NodeExecutionEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.compiler.k8s.model.ExecutionConfig;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.GateNodeSpec;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.compiler.k8s.model.WorkflowNodeSpec;
import org.flyte.compiler.k8s.model.WorkflowSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node kinds and engine rules on resources built in code, with fakes for everything outside. */
class EngineTest {

  @TempDir Path work;

  private final InMemoryBlobStore store = new InMemoryBlobStore(BlobStoreSettings.of("bucket"));
  private final RecordingSink sink = new RecordingSink();
  private final FakeControlPlane admin = new FakeControlPlane();
  private final FakeCatalog catalog = new FakeCatalog();
  private final Map<String, TaskTemplate> byName = new HashMap<>();
  private final FakeLauncher launcher = new FakeLauncher(new ProtoStore(store), byName);
  private WorkflowRunner runner = runner(4);

  private final TaskTemplate inc = task("m", "inc", "a");

  @AfterEach
  void close() {
    runner.close();
  }

  private WorkflowRunner runner(int slots) {
    return new WorkflowRunner(
        RunnerSettings.defaults().withWorkDirectory(work).withMaxParallelTasks(slots),
        new RunnerServices(store, sink, launcher, admin, catalog, null));
  }

  private TaskTemplate task(String module, String name, String... inputs) {
    TaskTemplate t = Workflows.pythonTask(module, name, inputs);
    byName.put(t.getId().getName(), t);
    return t;
  }

  private static NodeSpec taskNode(String id, TaskTemplate task, Binding... inputs) {
    return Workflows.node(id, NodeKind.TASK, List.of(inputs)).toBuilder()
        .taskRef(Workflows.key(task))
        .build();
  }

  private WorkflowExecution.Phase run(FlyteWorkflow cr) throws Exception {
    runner.start(cr);
    return runner.await(cr.executionId(), Duration.ofSeconds(30)).orElseThrow();
  }

  private FlyteWorkflow resource(WorkflowSpec spec, Map<String, WorkflowSpec> subs) {
    Map<String, TaskTemplate> tasks = new HashMap<>();
    byName.values().forEach(t -> tasks.put(Workflows.key(t), t));
    return Workflows.resource(
        Workflows.newId(),
        spec,
        tasks,
        subs,
        LiteralMap.newBuilder().putLiterals("x", Workflows.integer(1)).build());
  }

  @Test
  void fastRegisteredCodeIsUnpackedIntoEachAttemptsOwnDirectory() throws Exception {
    TaskTemplate plain = task("m", "fast", "a");
    List<String> args = new java.util.ArrayList<>();
    args.addAll(
        List.of(
            "pyflyte-fast-execute",
            "--additional-distribution",
            "s3://bucket/code.tar.gz",
            "--dest-dir",
            "/root",
            "--"));
    args.addAll(plain.getContainer().getArgsList());
    args.addAll(
        List.of("--dynamic-addl-distro", "s3://bucket/code.tar.gz", "--dynamic-dest-dir=/root"));
    TaskTemplate fast =
        plain.toBuilder()
            .setContainer(plain.getContainer().toBuilder().clearArgs().addAllArgs(args))
            .build();
    byName.put(fast.getId().getName(), fast);
    WorkflowSpec spec =
        Workflows.chain(
            "p:d:wf",
            List.of(
                taskNode("n0", fast, Workflows.promise("a", "start-node", "x")),
                taskNode("n1", fast, Workflows.promise("a", "start-node", "x"))));

    assertThat(run(resource(spec, null))).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(launcher.launched).hasSize(2);
    for (var launched : launcher.launched) {
      List<String> command = launched.command();
      String work = launched.workDirectory().toString();
      assertThat(command.get(command.indexOf("--dest-dir") + 1)).isEqualTo(work);
      assertThat(command).contains("--dynamic-dest-dir=" + work).doesNotContain("/root");
    }
    assertThat(launcher.launched.get(0).workDirectory())
        .isNotEqualTo(launcher.launched.get(1).workDirectory());
  }

  @Test
  void subWorkflowNodesAreReportedAsChildrenOfTheirNode() throws Exception {
    WorkflowSpec sub =
        Workflows.chain(
            "p:d:sub", List.of(taskNode("n0", inc, Workflows.promise("a", "start-node", "a"))));
    NodeSpec parent =
        Workflows.node("n0", NodeKind.WORKFLOW, List.of(Workflows.promise("a", "start-node", "x")))
            .toBuilder()
            .workflow(new WorkflowNodeSpec(null, "sub"))
            .build();
    var cr = resource(Workflows.chain("p:d:wf", List.of(parent)), Map.of("sub", sub));

    assertThat(run(cr)).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(sink.lines())
        .containsSubsequence(
            "node n0 QUEUED",
            "node n0 RUNNING",
            "node n0-0-n0 QUEUED",
            "task n0-0-n0#0 RUNNING",
            "node n0-0-n0 SUCCEEDED",
            "node n0 SUCCEEDED",
            "wf SUCCEEDED");
    NodeExecutionEvent child =
        sink.of(NodeExecutionEvent.class).stream()
            .filter(e -> e.getId().getNodeId().equals("n0-0-n0"))
            .findFirst()
            .orElseThrow();
    assertThat(child.getParentNodeMetadata().getNodeId()).isEqualTo("n0");
    assertThat(child.getSpecNodeId()).isEqualTo("n0");
    assertThat(child.getRetryGroup()).isEqualTo("0");
    assertThat(sink.of(NodeExecutionEvent.class).get(1).getIsParent()).isTrue();
  }

  @Test
  void aDynamicTasksFuturesRunAsASubGraph() throws Exception {
    TaskTemplate dyn = task("m", "dyn", "a");
    TaskTemplate leaf = task("m", "leaf", "a");
    Node leafNode =
        Node.newBuilder()
            .setId("dn0")
            .addInputs(
                Binding.newBuilder()
                    .setVar("a")
                    .setBinding(
                        BindingData.newBuilder().setScalar(Workflows.integer(5).getScalar())))
            .setTaskNode(TaskNode.newBuilder().setReferenceId(leaf.getId()))
            .build();
    launcher.futures.put(
        "m.dyn",
        DynamicJobSpec.newBuilder()
            .addNodes(leafNode)
            .addTasks(leaf)
            .addOutputs(Workflows.promise("o0", "dn0", "o0"))
            .build());
    var cr =
        resource(
            Workflows.chain(
                "p:d:wf", List.of(taskNode("n0", dyn, Workflows.promise("a", "start-node", "x")))),
            null);

    assertThat(run(cr)).as("%s", sink.lines()).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(sink.lines())
        .containsSubsequence(
            "task n0#0 SUCCEEDED",
            "node n0 DYNAMIC_RUNNING",
            "node n0-0-dn0 QUEUED",
            "node n0-0-dn0 SUCCEEDED",
            "node n0 SUCCEEDED");
    NodeExecutionEvent dynamic =
        sink.of(NodeExecutionEvent.class).stream()
            .filter(e -> e.getPhase() == NodeExecution.Phase.DYNAMIC_RUNNING)
            .findFirst()
            .orElseThrow();
    assertThat(
            dynamic
                .getTaskNodeMetadata()
                .getDynamicWorkflow()
                .getCompiledWorkflow()
                .getPrimary()
                .getTemplate()
                .getNodesList())
        .extracting(Node::getId)
        .contains("dn0");
    assertThat(dynamic.getIsDynamic()).isTrue();
    NodeExecutionEvent child =
        sink.of(NodeExecutionEvent.class).stream()
            .filter(e -> e.getId().getNodeId().equals("n0-0-dn0"))
            .findFirst()
            .orElseThrow();
    assertThat(child.getIsInDynamicChain()).isTrue();
  }

  @Test
  void aSignalGateWaitsForItsValueAndOutputsIt() throws Exception {
    NodeSpec gate =
        Workflows.node("n0", NodeKind.GATE, List.of()).toBuilder()
            .gate(
                new GateNodeSpec(
                    "signal",
                    null,
                    SignalCondition.newBuilder()
                        .setSignalId("go")
                        .setType(Workflows.INT)
                        .setOutputVariableName("o0")
                        .build(),
                    null))
            .build();
    var cr = resource(Workflows.chain("p:d:wf", List.of(gate)), null);
    runner.start(cr);
    long until = System.currentTimeMillis() + 10_000;
    while (admin.signalsAsked.isEmpty() && System.currentTimeMillis() < until) {
      Thread.sleep(20);
    }
    assertThat(runner.isRunning(cr.executionId())).isTrue();

    admin.signals.put("go", Workflows.integer(9));

    assertThat(runner.await(cr.executionId(), Duration.ofSeconds(10)))
        .contains(WorkflowExecution.Phase.SUCCEEDED);
    assertThat(sink.lines()).containsSubsequence("node n0 RUNNING", "node n0 SUCCEEDED");
  }

  @Test
  void aRejectedApprovalFailsTheGateAndASleepPasses() throws Exception {
    NodeSpec sleep =
        Workflows.node("n0", NodeKind.GATE, List.of()).toBuilder()
            .gate(
                new GateNodeSpec(
                    "sleep",
                    null,
                    null,
                    flyteidl.core.Workflow.SleepCondition.newBuilder()
                        .setDuration(
                            com.google.protobuf.Duration.newBuilder().setNanos(100_000_000))
                        .build()))
            .build();
    NodeSpec approve =
        Workflows.node("n1", NodeKind.GATE, List.of(Workflows.promise("o0", "start-node", "x")))
            .toBuilder()
            .gate(
                new GateNodeSpec(
                    "approve",
                    flyteidl.core.Workflow.ApproveCondition.newBuilder().setSignalId("ok").build(),
                    null,
                    null))
            .build();
    admin.signals.put(
        "ok",
        flyteidl.core.Literals.Literal.newBuilder()
            .setScalar(
                Scalar.newBuilder()
                    .setPrimitive(flyteidl.core.Literals.Primitive.newBuilder().setBoolean(false)))
            .build());
    var cr = resource(Workflows.chain("p:d:wf", List.of(sleep, approve)), null);

    assertThat(run(cr)).isEqualTo(WorkflowExecution.Phase.FAILED);

    assertThat(sink.lines())
        .containsSubsequence("node n0 SUCCEEDED", "node n1 RUNNING", "node n1 FAILED", "wf FAILED");
    assertThat(
            sink.of(NodeExecutionEvent.class).stream()
                .filter(e -> e.getPhase() == NodeExecution.Phase.FAILED)
                .findFirst()
                .orElseThrow()
                .getError()
                .getCode())
        .isEqualTo("ReceivedRejectSignal");
  }

  @Test
  void aLaunchPlanNodeCreatesAChildExecutionLinkedToIt() throws Exception {
    Identifier lp =
        Identifier.newBuilder()
            .setResourceType(ResourceType.LAUNCH_PLAN)
            .setProject("p")
            .setDomain("d")
            .setName("child")
            .setVersion("v1")
            .build();
    admin.childOutputs = LiteralMap.newBuilder().putLiterals("o0", Workflows.integer(3)).build();
    NodeSpec node =
        Workflows.node("n0", NodeKind.WORKFLOW, List.of(Workflows.promise("a", "start-node", "x")))
            .toBuilder()
            .workflow(new WorkflowNodeSpec(lp, null))
            .build();
    var cr = resource(Workflows.chain("p:d:wf", List.of(node)), null);

    assertThat(run(cr)).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(admin.created).hasSize(1);
    var request = admin.created.get(0);
    assertThat(request.getSpec().getLaunchPlan()).isEqualTo(lp);
    assertThat(request.getSpec().getMetadata().getParentNodeExecution().getNodeId())
        .isEqualTo("n0");
    assertThat(request.getInputs().getLiteralsOrThrow("a")).isEqualTo(Workflows.integer(1));
    NodeExecutionEvent running =
        sink.of(NodeExecutionEvent.class).stream()
            .filter(e -> e.getPhase() == NodeExecution.Phase.RUNNING)
            .findFirst()
            .orElseThrow();
    assertThat(running.getWorkflowNodeMetadata().getExecutionId().getName())
        .isEqualTo(request.getName());
  }

  @Test
  void aCachedTaskRunsOnceAndHitsTheCacheTheSecondTime() throws Exception {
    TaskTemplate cached =
        task("m", "cached", "a").toBuilder()
            .setMetadata(
                flyteidl.core.Tasks.TaskMetadata.newBuilder()
                    .setDiscoverable(true)
                    .setDiscoveryVersion("1"))
            .build();
    byName.put("m.cached", cached);
    WorkflowSpec spec =
        Workflows.chain(
            "p:d:wf", List.of(taskNode("n0", cached, Workflows.promise("a", "start-node", "x"))));

    assertThat(run(resource(spec, null))).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);
    assertThat(run(resource(spec, null))).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(launcher.launched).hasSize(1);
    List<NodeExecutionEvent> done =
        sink.of(NodeExecutionEvent.class).stream()
            .filter(e -> e.getPhase() == NodeExecution.Phase.SUCCEEDED)
            .toList();
    assertThat(done)
        .extracting(e -> e.getTaskNodeMetadata().getCacheStatus().name())
        .containsExactly("CACHE_POPULATED", "CACHE_HIT");
    assertThat(done.get(1).getTaskNodeMetadata().getCatalogKey().getDatasetId().getName())
        .isEqualTo("flyte_task-m.cached");
  }

  @Test
  void aSerializedCacheWaitsForTheReservationHoldersOutputs() throws Exception {
    TaskTemplate cached =
        task("m", "serial", "a").toBuilder()
            .setMetadata(
                flyteidl.core.Tasks.TaskMetadata.newBuilder()
                    .setDiscoverable(true)
                    .setCacheSerializable(true)
                    .setDiscoveryVersion("1"))
            .build();
    byName.put("m.serial", cached);
    WorkflowSpec spec =
        Workflows.chain(
            "p:d:wf", List.of(taskNode("n0", cached, Workflows.promise("a", "start-node", "x"))));
    catalog.otherOwner = "someone-else";
    var cr = resource(spec, null);
    runner.start(cr);
    long until = System.currentTimeMillis() + 10_000;
    while (catalog.refusedReservations.get() < 2 && System.currentTimeMillis() < until) {
      Thread.sleep(20);
    }
    assertThat(catalog.refusedReservations.get())
        .as("the reservation was asked for again while another owner held it")
        .isGreaterThanOrEqualTo(2);
    assertThat(launcher.launched).isEmpty();

    var key =
        new org.flyte.runner.catalog.CatalogKey(
            cached.getId(),
            cached.getInterface(),
            "1",
            LiteralMap.newBuilder().putLiterals("a", Workflows.integer(1)).build(),
            List.of());
    catalog.put(
        key, LiteralMap.newBuilder().putLiterals("o0", Workflows.integer(11)).build(), null, false);

    assertThat(runner.await(cr.executionId(), Duration.ofSeconds(10)))
        .contains(WorkflowExecution.Phase.SUCCEEDED);
    assertThat(launcher.launched).isEmpty();
    assertThat(
            sink.of(NodeExecutionEvent.class).stream()
                .filter(e -> e.getPhase() == NodeExecution.Phase.SUCCEEDED)
                .findFirst()
                .orElseThrow()
                .getTaskNodeMetadata()
                .getCacheStatus()
                .name())
        .isEqualTo("CACHE_HIT");
  }

  @Test
  void aHeldReservationIsReleasedAfterTheRun() throws Exception {
    TaskTemplate cached =
        task("m", "serial2", "a").toBuilder()
            .setMetadata(
                flyteidl.core.Tasks.TaskMetadata.newBuilder()
                    .setDiscoverable(true)
                    .setCacheSerializable(true)
                    .setDiscoveryVersion("1"))
            .build();
    byName.put("m.serial2", cached);
    WorkflowSpec spec =
        Workflows.chain(
            "p:d:wf", List.of(taskNode("n0", cached, Workflows.promise("a", "start-node", "x"))));

    assertThat(run(resource(spec, null))).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(launcher.launched).hasSize(1);
    assertThat(catalog.released).hasSize(1);
  }

  @Test
  void taskProcessesNeverExceedTheConfiguredSlots() throws Exception {
    runner.close();
    runner = runner(2);
    TaskTemplate slow = task("m", "slow", "a");
    launcher.script.put("m.slow", List.of(FakeLauncher.Behaviour.SLOW));
    List<NodeSpec> fan = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fan.add(taskNode("n" + i, slow, Workflows.promise("a", "start-node", "x")));
    }
    var cr = resource(fanOut(fan), null);

    assertThat(run(cr)).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(launcher.launched).hasSize(6);
    assertThat(launcher.maxConcurrent.get()).isEqualTo(2);
  }

  @Test
  void maxParallelismBoundsRunningNodes() throws Exception {
    TaskTemplate slow = task("m", "slow", "a");
    launcher.script.put("m.slow", List.of(FakeLauncher.Behaviour.SLOW));
    List<NodeSpec> fan = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      fan.add(taskNode("n" + i, slow, Workflows.promise("a", "start-node", "x")));
    }
    var cr =
        resource(fanOut(fan), null).toBuilder()
            .executionConfig(new ExecutionConfig(null, 1, null, null, null, false, null))
            .build();

    assertThat(run(cr)).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(launcher.maxConcurrent.get()).isEqualTo(1);
  }

  @Test
  void anAttemptPastItsDeadlineIsKilledAndRetried() throws Exception {
    TaskTemplate hang = task("m", "hang", "a");
    launcher.script.put(
        "m.hang", List.of(FakeLauncher.Behaviour.HANG, FakeLauncher.Behaviour.SUCCEED));
    NodeSpec node =
        taskNode("n0", hang, Workflows.promise("a", "start-node", "x")).toBuilder()
            .executionDeadline(Duration.ofMillis(300))
            .retry(new org.flyte.compiler.k8s.model.RetryStrategy(2))
            .build();
    var cr = resource(Workflows.chain("p:d:wf", List.of(node)), null);

    assertThat(run(cr)).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(launcher.killed.get()).isEqualTo(1);
    assertThat(sink.lines()).containsSubsequence("task n0#0 FAILED", "task n0#1 SUCCEEDED");
    assertThat(
            sink.of(flyteidl.event.Event.TaskExecutionEvent.class).stream()
                .filter(e -> e.getPhase() == flyteidl.core.Execution.TaskExecution.Phase.FAILED)
                .findFirst()
                .orElseThrow()
                .getError()
                .getMessage())
        .isEqualTo("task execution timeout [300ms] expired");
  }

  @Test
  void anArrayNodeRunsItsTaskPerElementAndCollectsTheOutputs() throws Exception {
    TaskTemplate mapped = task("m", "mapped", "a");
    NodeSpec sub = taskNode("n0", mapped);
    var items =
        flyteidl.core.Literals.Literal.newBuilder()
            .setCollection(
                flyteidl.core.Literals.LiteralCollection.newBuilder()
                    .addLiterals(Workflows.integer(1))
                    .addLiterals(Workflows.integer(2))
                    .addLiterals(Workflows.integer(3)))
            .build();
    NodeSpec array =
        Workflows.node(
                "n0",
                NodeKind.ARRAY,
                List.of(
                    Binding.newBuilder()
                        .setVar("a")
                        .setBinding(
                            BindingData.newBuilder()
                                .setCollection(
                                    flyteidl.core.Literals.BindingDataCollection.newBuilder()
                                        .addBindings(scalar(1))
                                        .addBindings(scalar(2))
                                        .addBindings(scalar(3))))
                        .build()))
            .toBuilder()
            .array(new org.flyte.compiler.k8s.model.ArrayNodeSpec(sub, 2L, null, null, null))
            .build();
    var cr = resource(Workflows.chain("p:d:wf", List.of(array)), null);

    assertThat(run(cr)).as("%s", sink.lines()).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(launcher.launched).hasSize(3);
    assertThat(launcher.launched)
        .extracting(p -> p.environment().get("FLYTE_K8S_ARRAY_INDEX"))
        .containsExactlyInAnyOrder("0", "1", "2");
    assertThat(sink.lines())
        .containsSubsequence(
            "node n0 QUEUED",
            "node n0 RUNNING",
            "task n0#0 RUNNING",
            "task n0#0 SUCCEEDED",
            "node n0 SUCCEEDED")
        .noneMatch(l -> l.contains("n0-0-n"));
    var done =
        sink.of(flyteidl.event.Event.TaskExecutionEvent.class).stream()
            .filter(t -> t.getPhase() == flyteidl.core.Execution.TaskExecution.Phase.SUCCEEDED)
            .findFirst()
            .orElseThrow();
    assertThat(done.getMetadata().getExternalResourcesList())
        .extracting(r -> r.getIndex())
        .containsExactly(0, 1, 2);
    var wf = sink.of(flyteidl.event.Event.WorkflowExecutionEvent.class);
    LiteralMap outputs =
        new ProtoStore(store)
            .read(
                org.flyte.common.storage.DataReference.parse(wf.get(wf.size() - 1).getOutputUri()),
                LiteralMap.getDefaultInstance());
    assertThat(outputs.getLiteralsOrThrow("o0").getCollection().getLiteralsCount()).isEqualTo(3);
    assertThat(items.getCollection().getLiteralsCount()).isEqualTo(3);
  }

  @Test
  void theFailureNodeRunsWhenTheWorkflowFails() throws Exception {
    TaskTemplate bad = task("m", "bad", "a");
    TaskTemplate cleanup = task("m", "cleanup", "a");
    launcher.script.put("m.bad", List.of(FakeLauncher.Behaviour.FAIL_PERMANENT));
    WorkflowSpec chain =
        Workflows.chain(
            "p:d:wf", List.of(taskNode("n0", bad, Workflows.promise("a", "start-node", "x"))));
    WorkflowSpec spec =
        new WorkflowSpec(
            chain.id(),
            chain.nodes(),
            null,
            chain.edges(),
            taskNode("fn0", cleanup, Workflows.promise("a", "start-node", "x")),
            chain.outputs(),
            chain.outputBindings(),
            null);

    assertThat(run(resource(spec, null))).isEqualTo(WorkflowExecution.Phase.FAILED);

    assertThat(sink.lines())
        .containsSubsequence(
            "node n0 FAILED", "wf FAILING", "node fn0 QUEUED", "node fn0 SUCCEEDED", "wf FAILED");
  }

  private static BindingData scalar(long v) {
    return BindingData.newBuilder().setScalar(Workflows.integer(v).getScalar()).build();
  }

  @Test
  void aNodePastItsActiveDeadlineTimesOutWithoutRetry() throws Exception {
    TaskTemplate hang = task("m", "hang2", "a");
    launcher.script.put("m.hang2", List.of(FakeLauncher.Behaviour.HANG));
    NodeSpec node =
        taskNode("n0", hang, Workflows.promise("a", "start-node", "x")).toBuilder()
            .activeDeadline(Duration.ofMillis(300))
            .retry(new org.flyte.compiler.k8s.model.RetryStrategy(3))
            .build();
    var cr = resource(Workflows.chain("p:d:wf", List.of(node)), null);

    assertThat(run(cr)).isEqualTo(WorkflowExecution.Phase.FAILED);

    assertThat(launcher.launched).hasSize(1);
    assertThat(sink.lines())
        .containsSubsequence("task n0#0 FAILED", "node n0 TIMED_OUT", "wf FAILED");
    assertThat(
            sink.of(NodeExecutionEvent.class).stream()
                .filter(e -> e.getPhase() == NodeExecution.Phase.TIMED_OUT)
                .findFirst()
                .orElseThrow()
                .getError()
                .getMessage())
        .isEqualTo("task active timeout [300ms] expired");
  }

  /** All nodes after start-node, all before end-node; outputs o0 of the first. */
  private static WorkflowSpec fanOut(List<NodeSpec> nodes) {
    WorkflowSpec chain = Workflows.chain("p:d:fan", List.of(nodes.get(0)));
    Map<String, NodeSpec> all = new HashMap<>(chain.nodes());
    Map<String, List<String>> down = new HashMap<>();
    Map<String, List<String>> up = new HashMap<>();
    for (NodeSpec n : nodes) {
      all.put(n.id(), n);
      down.computeIfAbsent("start-node", k -> new ArrayList<>()).add(n.id());
      down.put(n.id(), List.of("end-node"));
      up.put(n.id(), List.of("start-node"));
      up.computeIfAbsent("end-node", k -> new ArrayList<>()).add(n.id());
    }
    return new WorkflowSpec(
        chain.id(),
        all,
        null,
        new org.flyte.compiler.k8s.model.Connections(down, up),
        null,
        chain.outputs(),
        chain.outputBindings(),
        null);
  }
}
