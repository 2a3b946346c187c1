package org.flyte.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.compiler.k8s.json.FlyteWorkflowJson;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.runner.FakeLauncher.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner against custom resources recorded from flytesnacks (the compiler's golden data), with
 * a fake launcher and a recording sink: the events, their order and their phases.
 */
class SnacksWorkflowsTest {

  /** The golden data: the first {@code shared/testdata/compiler} found walking up from here. */
  static final Path GOLDEN = golden();

  private static Path golden() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/testdata/compiler/snacks-core/k8s");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("shared/testdata/compiler/snacks-core/k8s");
  }

  @TempDir Path work;

  private final InMemoryBlobStore store = new InMemoryBlobStore(BlobStoreSettings.of("bucket"));
  private final RecordingSink sink = new RecordingSink();
  private FakeLauncher launcher;
  private WorkflowRunner runner;
  private FlyteWorkflow cr;

  @AfterEach
  void close() {
    if (runner != null) {
      runner.close();
    }
  }

  private WorkflowExecutionIdentifier load(String file) throws Exception {
    Path path = GOLDEN.resolve(file);
    assumeTrue(Files.exists(path), "golden data absent: " + path.toAbsolutePath());
    WorkflowExecutionIdentifier id =
        WorkflowExecutionIdentifier.newBuilder()
            .setProject("flytesnacks")
            .setDomain("development")
            .setName("e" + UUID.randomUUID().toString().substring(0, 8))
            .build();
    cr = FlyteWorkflowJson.read(Files.readString(path)).toBuilder().executionId(id).build();
    Map<String, TaskTemplate> byName = new HashMap<>();
    cr.tasks().values().forEach(t -> byName.put(t.getId().getName(), t));
    launcher = new FakeLauncher(new ProtoStore(store), byName);
    runner =
        new WorkflowRunner(
            RunnerSettings.defaults().withWorkDirectory(work).withMaxParallelTasks(2),
            new RunnerServices(store, sink, launcher, null, null, null));
    return id;
  }

  private WorkflowExecution.Phase run(WorkflowExecutionIdentifier id) throws Exception {
    runner.start(cr);
    return runner.await(id, Duration.ofSeconds(30)).orElseThrow();
  }

  @Test
  void twoTasksRunInOrderAndReportAsPropellerDoes() throws Exception {
    var id = load("085_core.flyte_basics.basic_workflow.my_wf_2_wf_crd.json");

    assertThat(run(id)).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    List<String> lines = sink.lines();
    assertThat(lines.get(0)).isEqualTo("wf RUNNING");
    assertThat(lines.subList(lines.size() - 2, lines.size()))
        .containsExactly("wf SUCCEEDING", "wf SUCCEEDED");
    assertThat(sink.linesOf("n0"))
        .containsExactly(
            "node n0 QUEUED",
            "task n0#0 QUEUED",
            "task n0#0 RUNNING",
            "node n0 RUNNING",
            "task n0#0 SUCCEEDED",
            "node n0 SUCCEEDED");
    assertThat(lines.indexOf("node n1 QUEUED")).isGreaterThan(lines.indexOf("node n0 SUCCEEDED"));

    NodeExecutionEvent queued = sink.of(NodeExecutionEvent.class).get(0);
    assertThat(queued.getProducerId()).isEqualTo("propeller");
    assertThat(queued.getEventVersion()).isEqualTo(1);
    assertThat(queued.getSpecNodeId()).isEqualTo("n0");
    assertThat(queued.getInputUri())
        .startsWith("mem://bucket/metadata/propeller/flytesnacks-development-e");
    assertThat(queued.getInputUri()).endsWith("/n0/data/inputs.pb");
    assertThat(queued.hasOccurredAt()).isTrue();

    TaskExecutionEvent running =
        sink.of(TaskExecutionEvent.class).stream()
            .filter(t -> t.getPhase() == flyteidl.core.Execution.TaskExecution.Phase.RUNNING)
            .findFirst()
            .orElseThrow();
    assertThat(running.getLogsList()).extracting("name").containsExactly("stdout", "stderr");
    assertThat(running.getReason()).contains("image [").contains("ignored");
    assertThat(running.getTaskType()).isEqualTo("python-task");
    assertThat(running.getMetadata().getGeneratedName()).startsWith(id.getName() + "-n0-0");

    WorkflowExecutionEvent succeeded = sink.of(WorkflowExecutionEvent.class).get(2);
    assertThat(succeeded.getOutputUri()).endsWith("/end-node/data/0/outputs.pb");

    List<String> cmd = launcher.launched.get(0).command();
    assertThat(cmd.get(0)).isEqualTo("pyflyte-execute");
    assertThat(FakeLauncher.arg(cmd, "--inputs")).endsWith("/n0/data/inputs.pb");
    assertThat(FakeLauncher.arg(cmd, "--output-prefix")).endsWith("/n0/data/0");
    assertThat(FakeLauncher.arg(cmd, "--prev-checkpoint")).isEqualTo("\"\"");
    assertThat(FakeLauncher.arg(cmd, "--checkpoint-path")).endsWith("/_flytecheckpoints");
    assertThat(FakeLauncher.arg(cmd, "--raw-output-data-prefix"))
        .matches("mem://bucket/data/[a-z0-9]{2}/" + id.getName() + "-n0-0");
    assertThat(launcher.launched.get(0).environment())
        .containsEntry("FLYTE_INTERNAL_EXECUTION_ID", id.getName())
        .containsEntry("FLYTE_INTERNAL_EXECUTION_PROJECT", "flytesnacks")
        .containsEntry("FLYTE_ATTEMPT_NUMBER", "0")
        .containsEntry("TMPDIR", launcher.launched.get(0).workDirectory().toString());
  }

  static java.util.stream.Stream<String> everyResource() throws Exception {
    if (!Files.isDirectory(GOLDEN)) {
      return java.util.stream.Stream.of("absent");
    }
    try (var files = Files.list(GOLDEN)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("everyResource")
  void everyRecordedResourceEndsSucceededOrFailsNamingTheTaskType(String file) throws Exception {
    var id = load(file);
    boolean clusterOnly =
        cr.tasks().values().stream()
            .anyMatch(
                t ->
                    t.getType().equals("container_array")
                        || t.getContainer().getArgsList().stream()
                            .noneMatch(a -> a.startsWith("pyflyte-")));

    WorkflowExecution.Phase phase = run(id);

    if (clusterOnly) {
      assertThat(phase).isEqualTo(WorkflowExecution.Phase.FAILED);
      assertThat(
              sink.of(NodeExecutionEvent.class).stream()
                  .filter(n -> n.getPhase() == NodeExecution.Phase.FAILED)
                  .findFirst()
                  .orElseThrow()
                  .getError()
                  .getMessage())
          .contains("needs a cluster");
    } else if (phase == WorkflowExecution.Phase.FAILED) {
      // the recorded inputs lead some branches to their else-fail
      List<String> elseFails =
          cr.spec().nodes().values().stream()
              .filter(n -> n.branch() != null && n.branch().elseFail() != null)
              .map(n -> "[UserProvidedError] " + n.branch().elseFail().getMessage())
              .toList();
      WorkflowExecutionEvent failed =
          sink.of(WorkflowExecutionEvent.class)
              .get(sink.of(WorkflowExecutionEvent.class).size() - 1);
      assertThat(elseFails).as("%s", sink.lines()).contains(failed.getError().getMessage());
    } else {
      assertThat(phase).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);
      assertThat(sink.lines()).last().isEqualTo("wf SUCCEEDED");
    }
  }

  @Test
  void branchRunsTheTakenNodeOnly() throws Exception {
    var id = load("026_core.control_flow.conditions.multiplier_2_wf_crd.json");

    assertThat(run(id)).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    // my_input = 0.0 is outside [0.1, 1], so the else node n0-n1 runs
    // the taken node runs under the branch node (unique id <branch>-<attempt>-<node>)
    assertThat(sink.lines())
        .contains(
            "node n0 QUEUED", "node n0 RUNNING", "node n0-0-n0-n1 SUCCEEDED", "node n0 SUCCEEDED")
        .noneMatch(l -> l.contains("n0-n0 "));
    assertThat(sink.lines().indexOf("node n0 SUCCEEDED"))
        .isGreaterThan(sink.lines().indexOf("node n0-0-n0-n1 SUCCEEDED"));
    NodeExecutionEvent taken =
        sink.of(NodeExecutionEvent.class).stream()
            .filter(e -> e.getId().getNodeId().equals("n0-0-n0-n1"))
            .findFirst()
            .orElseThrow();
    assertThat(taken.getParentNodeMetadata().getNodeId()).isEqualTo("n0");
    assertThat(taken.getSpecNodeId()).isEqualTo("n0-n1");
    assertThat(sink.of(NodeExecutionEvent.class).get(0).getIsParent()).isFalse();
    assertThat(launcher.launched).hasSize(1);
  }

  @Test
  void aRecoverableFailureIsRetriedAsTheNextAttempt() throws Exception {
    var id = load("085_core.flyte_basics.basic_workflow.my_wf_2_wf_crd.json");
    String t1 = cr.tasks().values().iterator().next().getId().getName();
    launcher.script.put(t1, List.of(Behaviour.FAIL_RECOVERABLE, Behaviour.SUCCEED));
    cr = cr.toBuilder().spec(withRetries(cr, 2)).build();

    assertThat(run(id)).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    String node = nodeRunning(t1);
    assertThat(sink.linesOf(node))
        .containsSubsequence(
            "task " + node + "#0 FAILED",
            "task " + node + "#1 RUNNING",
            "task " + node + "#1 SUCCEEDED",
            "node " + node + " SUCCEEDED")
        .doesNotContain("node " + node + " FAILED");
  }

  @Test
  void aPermanentFailureFailsTheNodeAndTheWorkflowWithTheUsersMessage() throws Exception {
    var id = load("085_core.flyte_basics.basic_workflow.my_wf_2_wf_crd.json");
    String t1 = cr.tasks().values().iterator().next().getId().getName();
    launcher.script.put(t1, List.of(Behaviour.FAIL_PERMANENT));

    assertThat(run(id)).isEqualTo(WorkflowExecution.Phase.FAILED);

    String node = nodeRunning(t1);
    assertThat(sink.linesOf(node))
        .endsWith("task " + node + "#0 FAILED", "node " + node + " FAILED");
    WorkflowExecutionEvent failed =
        sink.of(WorkflowExecutionEvent.class).get(sink.of(WorkflowExecutionEvent.class).size() - 1);
    assertThat(failed.getPhase()).isEqualTo(WorkflowExecution.Phase.FAILED);
    assertThat(failed.getError().getMessage()).isEqualTo("boom in " + t1);
    assertThat(failed.getError().getKind())
        .isEqualTo(flyteidl.core.Execution.ExecutionError.ErrorKind.USER);
    assertThat(sink.lines()).contains("wf FAILING");
  }

  @Test
  void aTaskTypeThatNeedsAClusterFailsItsNodeWithAClearMessage() throws Exception {
    var id = load("010_core.containerization.raw_container.wf_2_wf_crd.json");

    assertThat(run(id)).isEqualTo(WorkflowExecution.Phase.FAILED);

    NodeExecutionEvent failed =
        sink.of(NodeExecutionEvent.class).stream()
            .filter(n -> n.getPhase() == NodeExecution.Phase.FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(failed.getError().getMessage())
        .contains("task type [raw-container]")
        .contains("needs a cluster");
  }

  @Test
  void abortKillsTheProcessAndReportsAborted() throws Exception {
    var id = load("085_core.flyte_basics.basic_workflow.my_wf_2_wf_crd.json");
    String t1 = cr.tasks().values().iterator().next().getId().getName();
    launcher.script.put(t1, List.of(Behaviour.HANG));
    runner.start(cr);
    long until = System.currentTimeMillis() + 10_000;
    while (!sink.lines().contains("node n0 RUNNING")
        && !sink.lines().contains("node n1 RUNNING")
        && System.currentTimeMillis() < until) {
      Thread.sleep(20);
    }

    runner.abort(id, "user asked");

    assertThat(runner.await(id, Duration.ofSeconds(10))).contains(WorkflowExecution.Phase.ABORTED);
    assertThat(launcher.killed.get()).isEqualTo(1);
    List<String> lines = sink.lines();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("wf ABORTED");
    assertThat(lines).anyMatch(l -> l.startsWith("node ") && l.endsWith(" ABORTED"));
    assertThat(lines).anyMatch(l -> l.startsWith("task ") && l.endsWith(" ABORTED"));
  }

  private String nodeRunning(String taskName) {
    return cr.spec().nodes().values().stream()
        .filter(
            n ->
                n.taskRef() != null
                    && cr.tasks().get(n.taskRef()).getId().getName().equals(taskName))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static org.flyte.compiler.k8s.model.WorkflowSpec withRetries(
      FlyteWorkflow cr, int attempts) {
    var spec = cr.spec();
    Map<String, org.flyte.compiler.k8s.model.NodeSpec> nodes = new HashMap<>();
    spec.nodes()
        .forEach(
            (k, n) ->
                nodes.put(
                    k,
                    n.toBuilder()
                        .retry(new org.flyte.compiler.k8s.model.RetryStrategy(attempts))
                        .build()));
    return new org.flyte.compiler.k8s.model.WorkflowSpec(
        spec.id(),
        nodes,
        spec.connections(),
        spec.edges(),
        spec.onFailure(),
        spec.outputs(),
        spec.outputBindings(),
        spec.onFailurePolicy());
  }
}
