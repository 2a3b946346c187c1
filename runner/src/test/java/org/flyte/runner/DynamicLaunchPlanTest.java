package org.flyte.runner;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure;
import flyteidl.core.DynamicJob.DynamicJobSpec;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowNode;
import flyteidl.event.Event.NodeExecutionEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.memory.InMemoryBlobStore;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dynamic workflow calling a launch plan ({@code flytekit} {@code @dynamic} returning a launch
 * plan's outputs): the compile reads the launch plan's interface from FlyteAdmin, as propeller's
 * {@code dynamic_workflow.go} does, and the node runs it as a child execution.
 */
class DynamicLaunchPlanTest {

  @TempDir Path work;

  private final InMemoryBlobStore store = new InMemoryBlobStore(BlobStoreSettings.of("bucket"));
  private final RecordingSink sink = new RecordingSink();
  private final FakeControlPlane admin = new FakeControlPlane();
  private final Map<String, TaskTemplate> byName = new HashMap<>();
  private final FakeLauncher launcher = new FakeLauncher(new ProtoStore(store), byName);
  private final WorkflowRunner runner =
      new WorkflowRunner(
          RunnerSettings.defaults().withWorkDirectory(work).withMaxParallelTasks(2),
          new RunnerServices(store, sink, launcher, admin, new FakeCatalog(), null));

  private final Identifier lp =
      Identifier.newBuilder()
          .setResourceType(ResourceType.LAUNCH_PLAN)
          .setProject("p")
          .setDomain("d")
          .setName("child_lp")
          .setVersion("v1")
          .build();

  @AfterEach
  void close() {
    runner.close();
  }

  /** A dynamic task {@code m.dyn} whose futures call {@link #lp} with a = 5 and return its o0. */
  private FlyteWorkflow dynamicCallingTheLaunchPlan() {
    TaskTemplate dyn = Workflows.pythonTask("m", "dyn", "a");
    byName.put(dyn.getId().getName(), dyn);
    Node call =
        Node.newBuilder()
            .setId("dn0")
            .addInputs(
                Binding.newBuilder()
                    .setVar("a")
                    .setBinding(
                        BindingData.newBuilder().setScalar(Workflows.integer(5).getScalar())))
            .setWorkflowNode(WorkflowNode.newBuilder().setLaunchplanRef(lp))
            .build();
    launcher.futures.put(
        "m.dyn",
        DynamicJobSpec.newBuilder()
            .addNodes(call)
            .addOutputs(Workflows.promise("o0", "dn0", "o0"))
            .build());
    NodeSpec node =
        Workflows.node("n0", NodeKind.TASK, List.of(Workflows.promise("a", "start-node", "x")))
            .toBuilder()
            .taskRef(Workflows.key(dyn))
            .build();
    return Workflows.resource(
        Workflows.newId(),
        Workflows.chain("p:d:wf", List.of(node)),
        Map.of(Workflows.key(dyn), dyn),
        null,
        LiteralMap.newBuilder().putLiterals("x", Workflows.integer(1)).build());
  }

  private WorkflowExecution.Phase run(FlyteWorkflow cr) throws Exception {
    runner.start(cr);
    return runner.await(cr.executionId(), Duration.ofSeconds(30)).orElseThrow();
  }

  @Test
  void theLaunchPlanRunsAsAChildExecutionOfTheDynamicNode() throws Exception {
    admin.launchPlans.put(
        lp,
        LaunchPlan.newBuilder()
            .setId(lp)
            .setClosure(
                LaunchPlanClosure.newBuilder()
                    .setExpectedInputs(
                        ParameterMap.newBuilder()
                            .putParameters(
                                "a",
                                Parameter.newBuilder()
                                    .setVar(Variable.newBuilder().setType(Workflows.INT))
                                    .build()))
                    .setExpectedOutputs(Workflows.ints("o0")))
            .build());
    admin.childOutputs = LiteralMap.newBuilder().putLiterals("o0", Workflows.integer(8)).build();
    FlyteWorkflow cr = dynamicCallingTheLaunchPlan();

    assertThat(run(cr)).as("%s", sink.lines()).isEqualTo(WorkflowExecution.Phase.SUCCEEDED);

    assertThat(sink.lines())
        .containsSubsequence(
            "node n0 DYNAMIC_RUNNING",
            "node n0-0-dn0 QUEUED",
            "node n0-0-dn0 RUNNING",
            "node n0-0-dn0 SUCCEEDED",
            "node n0 SUCCEEDED",
            "wf SUCCEEDED");
    assertThat(admin.created).hasSize(1);
    var request = admin.created.get(0);
    assertThat(request.getSpec().getLaunchPlan()).isEqualTo(lp);
    assertThat(request.getInputs().getLiteralsOrThrow("a")).isEqualTo(Workflows.integer(5));
    assertThat(request.getSpec().getMetadata().getParentNodeExecution().getNodeId())
        .isEqualTo("n0-0-dn0");
    NodeExecutionEvent running =
        sink.of(NodeExecutionEvent.class).stream()
            .filter(
                e ->
                    e.getId().getNodeId().equals("n0-0-dn0")
                        && e.getPhase() == NodeExecution.Phase.RUNNING)
            .findFirst()
            .orElseThrow();
    assertThat(running.getWorkflowNodeMetadata().getExecutionId().getName())
        .isEqualTo(request.getName());
  }

  @Test
  void aLaunchPlanFlyteAdminDoesNotKnowFailsTheNodeWithAUserError() throws Exception {
    FlyteWorkflow cr = dynamicCallingTheLaunchPlan();

    assertThat(run(cr)).isEqualTo(WorkflowExecution.Phase.FAILED);

    assertThat(admin.created).isEmpty();
    NodeExecutionEvent failed =
        sink.of(NodeExecutionEvent.class).stream()
            .filter(
                e ->
                    e.getId().getNodeId().equals("n0")
                        && e.getPhase() == NodeExecution.Phase.FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(failed.getError().getKind()).isEqualTo(ExecutionError.ErrorKind.USER);
    assertThat(failed.getError().getCode()).isEqualTo("DynamicWorkflowBuildFailed");
    assertThat(failed.getError().getMessage())
        .isEqualTo("incorrectly specified launchplan p:d:child_lp:v1");
  }
}
