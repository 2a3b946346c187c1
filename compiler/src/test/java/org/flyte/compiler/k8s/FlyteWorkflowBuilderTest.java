package org.flyte.compiler.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flyte.compiler.Dsl.INT;
import static org.flyte.compiler.Dsl.launchPlan;
import static org.flyte.compiler.Dsl.launchPlanNode;
import static org.flyte.compiler.Dsl.promise;
import static org.flyte.compiler.Dsl.subWorkflowNode;
import static org.flyte.compiler.Dsl.task;
import static org.flyte.compiler.Dsl.taskId;
import static org.flyte.compiler.Dsl.taskNode;
import static org.flyte.compiler.Dsl.vars;
import static org.flyte.compiler.Dsl.workflow;

import com.google.gson.JsonObject;
import com.google.protobuf.util.Durations;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.RetryStrategy;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.Resources;
import flyteidl.core.Tasks.Resources.ResourceEntry;
import flyteidl.core.Tasks.Resources.ResourceName;
import flyteidl.core.Workflow.ArrayNode;
import flyteidl.core.Workflow.GateNode;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.SleepCondition;
import flyteidl.core.Workflow.TaskNodeOverrides;
import flyteidl.core.Workflow.WorkflowMetadataDefaults;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.time.Duration;
import java.util.List;
import org.flyte.compiler.WorkflowCompiler;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.errors.ErrorCode;
import org.flyte.compiler.k8s.json.FlyteWorkflowJson;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.junit.jupiter.api.Test;

class FlyteWorkflowBuilderTest {

  private static final WorkflowExecutionIdentifier EXECUTION =
      WorkflowExecutionIdentifier.newBuilder()
          .setProject("p")
          .setDomain("d")
          .setName("abc")
          .build();

  private static CompiledWorkflowClosure closure() {
    WorkflowTemplate sub =
        workflow("sub", vars("x", INT), vars("y", INT))
            .addNodes(taskNode("s0", "double", promise("x", "start-node", "x")))
            .addOutputs(promise("y", "s0", "y"))
            .build();
    WorkflowTemplate primary =
        workflow("my.Workflow_1", vars("a", INT), vars("o", INT))
            .setMetadataDefaults(WorkflowMetadataDefaults.newBuilder().setInterruptible(true))
            .addNodes(
                taskNode("n0", "double", promise("x", "start-node", "a"))
                    .setMetadata(
                        NodeMetadata.newBuilder()
                            .setName("double")
                            .setTimeout(Durations.fromSeconds(90))
                            .setRetries(RetryStrategy.newBuilder().setRetries(2))
                            .setInterruptible(false))
                    .setTaskNode(
                        taskNode("n0", "double").getTaskNode().toBuilder()
                            .setOverrides(
                                TaskNodeOverrides.newBuilder()
                                    .setResources(
                                        Resources.newBuilder()
                                            .addRequests(entry(ResourceName.CPU, "0.5"))
                                            .addRequests(entry(ResourceName.MEMORY, "1024Mi"))
                                            .addLimits(entry(ResourceName.GPU, "1"))
                                            .addLimits(entry(ResourceName.CPU, "0")))
                                    .setContainerImage("img:2"))))
            .addNodes(subWorkflowNode("n1", "sub", promise("x", "n0", "y")))
            .addNodes(launchPlanNode("n2", "lp", promise("x", "n1", "y")))
            .addOutputs(promise("o", "n2", "y"))
            .build();
    return WorkflowCompiler.compileWorkflow(
        primary,
        List.of(sub),
        List.of(task("double", vars("x", INT), vars("y", INT))),
        List.of(launchPlan("lp", vars("x", INT), vars("y", INT))));
  }

  private static ResourceEntry entry(ResourceName name, String value) {
    return ResourceEntry.newBuilder().setName(name).setValue(value).build();
  }

  private static LiteralMap inputs(Literal a) {
    return LiteralMap.newBuilder().putLiterals("a", a).build();
  }

  private static Literal integer(long value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
        .build();
  }

  @Test
  void buildsNodesLabelsAndSubWorkflowsAsFlyteDoes() {
    FlyteWorkflow wf = FlyteWorkflowBuilder.build(closure(), inputs(integer(3)), EXECUTION, "p-d");

    assertThat(wf.metadata().name()).isEqualTo("abc");
    assertThat(wf.metadata().namespace()).isEqualTo("p-d");
    assertThat(wf.metadata().labels())
        .containsEntry("execution-id", "abc")
        .containsEntry("project", "p")
        .containsEntry("domain", "d")
        .containsEntry("workflow-name", "my-workflow-1")
        .containsEntry("shard-key", LabelValues.shardKey("abc"));
    assertThat(wf.nodeDefaults().interruptible()).isTrue();
    assertThat(wf.spec().id()).isEqualTo("p:d:my.Workflow_1");

    NodeSpec n0 = wf.spec().node("n0");
    assertThat(n0.kind()).isEqualTo(NodeKind.TASK);
    assertThat(n0.taskRef())
        .isEqualTo("resource_type:TASK project:\"p\" domain:\"d\" name:\"double\" version:\"v\"");
    assertThat(wf.tasks()).containsKey(n0.taskRef());
    assertThat(n0.executionDeadline()).isEqualTo(Duration.ofSeconds(90));
    assertThat(n0.activeDeadline()).isEqualTo(Duration.ofSeconds(180));
    assertThat(n0.retry().minAttempts()).isEqualTo(3);
    assertThat(n0.interruptible()).isFalse();
    assertThat(n0.containerImage()).isEqualTo("img:2");
    assertThat(n0.resources().requests())
        .containsEntry("cpu", "500m")
        .containsEntry("memory", "1Gi");
    assertThat(n0.resources().limits()).containsOnlyKeys("nvidia.com/gpu");

    NodeSpec n1 = wf.spec().node("n1");
    assertThat(n1.kind()).isEqualTo(NodeKind.WORKFLOW);
    assertThat(wf.subWorkflows()).containsKey(n1.workflow().subWorkflowRef());
    assertThat(wf.subWorkflows().get(n1.workflow().subWorkflowRef()).node("s0")).isNotNull();
    NodeSpec n2 = wf.spec().node("n2");
    assertThat(n2.workflow().launchPlanRefId().getName()).isEqualTo("lp");

    JsonObject json = FlyteWorkflowJson.toJson(wf);
    JsonObject node = json.getAsJsonObject("spec").getAsJsonObject("nodes").getAsJsonObject("n0");
    assertThat(node.get("executionDeadline").getAsString()).isEqualTo("1m30s");
    assertThat(node.get("activeDeadline").getAsString()).isEqualTo("3m0s");
    assertThat(json.getAsJsonObject("node-defaults").get("interruptible").getAsBoolean()).isTrue();
    assertThat(
            json.getAsJsonObject("spec")
                .getAsJsonObject("nodes")
                .getAsJsonObject("n2")
                .getAsJsonObject("workflow")
                .getAsJsonObject("launchPlanRefId")
                .get("resourceType")
                .getAsString())
        .isEqualTo("LAUNCH_PLAN");
    assertThat(FlyteWorkflowJson.read(FlyteWorkflowJson.write(wf))).isEqualTo(wf);
  }

  @Test
  void withoutExecutionIdKubernetesGeneratesTheName() {
    FlyteWorkflow wf = FlyteWorkflowBuilder.build(closure(), inputs(integer(1)), null, "ns");
    assertThat(wf.metadata().name()).isEmpty();
    assertThat(wf.metadata().generateName()).isEqualTo("p-d-my.Workflow_1-");
    assertThat(wf.metadata().labels()).containsEntry("execution-id", "p-d-my.Workflow_1");
  }

  @Test
  void inputsAreCheckedAgainstTheInterface() {
    Literal text =
        Literal.newBuilder()
            .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setStringValue("x")))
            .build();
    assertThatThrownBy(() -> FlyteWorkflowBuilder.build(closure(), inputs(text), EXECUTION, "ns"))
        .isInstanceOfSatisfying(
            CompileException.class,
            e -> {
              // as in Go, a mistyped input also counts as not bound
              assertThat(e.errors())
                  .extracting(err -> err.code())
                  .containsExactly(ErrorCode.MISMATCHING_TYPES, ErrorCode.PARAMETER_NOT_BOUND);
              assertThat(e.errors().get(0).description())
                  .isEqualTo(
                      "Variable [a] (type [simple:INTEGER]) doesn't match expected type"
                          + " [simple:STRING].");
            });
    assertThatThrownBy(
            () ->
                FlyteWorkflowBuilder.build(
                    closure(),
                    LiteralMap.newBuilder().putLiterals("zz", integer(1)).build(),
                    EXECUTION,
                    "ns"))
        .isInstanceOfSatisfying(
            CompileException.class,
            e ->
                assertThat(e.errors())
                    .extracting(err -> err.code())
                    .containsExactlyInAnyOrder(
                        ErrorCode.VARIABLE_NAME_NOT_FOUND, ErrorCode.PARAMETER_NOT_BOUND));
    assertThatThrownBy(() -> FlyteWorkflowBuilder.build(closure(), null, EXECUTION, "ns"))
        .isInstanceOfSatisfying(
            CompileException.class,
            e -> assertThat(e.errors().get(0).code()).isEqualTo(ErrorCode.VALUE_REQUIRED));
  }

  @Test
  void aMissingTaskOrABadQuantityFailsTheBuild() {
    CompiledWorkflowClosure closure = closure();
    CompiledWorkflowClosure withoutTasks = closure.toBuilder().clearTasks().build();
    assertThatThrownBy(
            () -> FlyteWorkflowBuilder.build(withoutTasks, inputs(integer(1)), EXECUTION, "ns"))
        .isInstanceOfSatisfying(
            CompileException.class,
            e ->
                assertThat(e.errors().get(0).code()).isEqualTo(ErrorCode.TASK_REFERENCE_NOT_FOUND));

    CompileErrors errors = new CompileErrors();
    Node bad =
        taskNode("n9", "double")
            .setTaskNode(
                taskNode("n9", "double").getTaskNode().toBuilder()
                    .setOverrides(
                        TaskNodeOverrides.newBuilder()
                            .setResources(
                                Resources.newBuilder().addLimits(entry(ResourceName.CPU, "lots")))))
            .build();
    assertThat(new NodeSpecs(closure.getTasksList(), errors).build(bad)).isNull();
    assertThat(errors.list().get(0).code()).isEqualTo(ErrorCode.WORKFLOW_BUILD_ERROR);
    assertThat(errors.list().get(0).description())
        .startsWith("Failed to parse resource as a valid quantity.: quantities must match");
  }

  @Test
  void gateAndArrayNodes() {
    CompileErrors errors = new CompileErrors();
    NodeSpecs specs = new NodeSpecs(closure().getTasksList(), errors);
    NodeSpec gate =
        specs
            .build(
                Node.newBuilder()
                    .setId("g")
                    .setGateNode(
                        GateNode.newBuilder()
                            .setSleep(
                                SleepCondition.newBuilder().setDuration(Durations.fromSeconds(5))))
                    .build())
            .get(0);
    assertThat(gate.kind()).isEqualTo(NodeKind.GATE);
    assertThat(gate.gate().kind()).isEqualTo("sleep");
    assertThat(gate.gate().sleep().getDuration().getSeconds()).isEqualTo(5);

    NodeSpec array =
        specs
            .build(
                Node.newBuilder()
                    .setId("m")
                    .setArrayNode(
                        ArrayNode.newBuilder()
                            .setNode(taskNode("m-0", "double"))
                            .setParallelism(4)
                            .setMinSuccessRatio(0.5f))
                    .build())
            .get(0);
    assertThat(array.kind()).isEqualTo(NodeKind.ARRAY);
    assertThat(array.array().subNodeSpec().taskRef())
        .isEqualTo(org.flyte.compiler.graph.Identifiers.key(taskId("double")));
    assertThat(array.array().parallelism()).isEqualTo(4L);
    assertThat(array.array().minSuccesses()).isNull();
    assertThat(array.array().minSuccessRatio()).isEqualTo(0.5f);
    assertThat(errors.hasErrors()).isFalse();
  }
}
