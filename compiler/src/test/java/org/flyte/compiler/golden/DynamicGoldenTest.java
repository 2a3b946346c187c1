package org.flyte.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.Compiler.ConnectionSet;
import flyteidl.core.DynamicJob.DynamicJobSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.List;
import java.util.Map;
import org.flyte.compiler.TaskCompiler;
import org.flyte.compiler.WorkflowCompiler;
import org.junit.jupiter.api.Test;

/**
 * The {@code dynamic/} golden case: the nodes of a dynamic job spec (merge sort: a task, two
 * sub-workflow calls of the same sub-workflow, a task), wrapped in a workflow the way Flyte's
 * {@code TestDynamic} wraps them, compile. The folder has no {@code compiled/} closure (Flyte's
 * test only checks that compilation and the CR build succeed), so the closure's shape is asserted
 * here.
 */
class DynamicGoldenTest {

  private static final String N = "dynamic-merge-sort-remotely-n";

  @Test
  void dynamicJobSpecCompilesWithItsSubWorkflow() {
    DynamicJobSpec spec =
        GoldenData.readJson(
                GoldenData.folder("dynamic").resolve("success_1.json"), DynamicJobSpec.newBuilder())
            .build();
    List<CompiledTask> tasks =
        spec.getTasksList().stream()
            .map(BranchGoldenTest::withFlyteTestConfig)
            .map(TaskCompiler::compileTask)
            .toList();
    WorkflowTemplate template =
        WorkflowTemplate.newBuilder()
            .setId(
                Identifier.newBuilder().setDomain("domain").setName("name").setVersion("version"))
            .setInterface(
                TypedInterface.newBuilder()
                    .setInputs(VariableMap.getDefaultInstance())
                    .setOutputs(
                        VariableMap.newBuilder()
                            .putVariables(
                                "o0",
                                Variable.newBuilder()
                                    .setType(
                                        LiteralType.newBuilder()
                                            .setCollectionType(
                                                LiteralType.newBuilder()
                                                    .setSimple(SimpleType.INTEGER)))
                                    .build())))
            .addAllNodes(spec.getNodesList())
            .addAllOutputs(spec.getOutputsList())
            .build();

    CompiledWorkflowClosure closure =
        WorkflowCompiler.compileWorkflow(template, spec.getSubworkflowsList(), tasks, List.of());

    assertThat(closure.getPrimary().getTemplate().getNodesList())
        .extracting(Node::getId)
        .containsExactly("start-node", "end-node", N + "0", N + "1", N + "2", N + "3");
    ConnectionSet connections = closure.getPrimary().getConnections();
    assertThat(ids(connections.getDownstreamMap()))
        .isEqualTo(
            Map.of(
                "start-node",
                List.of(N + "0"),
                N + "0",
                List.of(N + "1", N + "2"),
                N + "1",
                List.of(N + "3"),
                N + "2",
                List.of(N + "3"),
                N + "3",
                List.of("end-node")));
    assertThat(ids(connections.getUpstreamMap()))
        .isEqualTo(
            Map.of(
                N + "0",
                List.of("start-node"),
                N + "1",
                List.of(N + "0"),
                N + "2",
                List.of(N + "0"),
                N + "3",
                List.of(N + "1", N + "2"),
                "end-node",
                List.of(N + "3")));
    assertThat(
            closure.getPrimary().getTemplate().getOutputs(0).getBinding().getPromise().getNodeId())
        .isEqualTo(N + "3");
    assertThat(closure.getTasksList()).hasSize(4);
    assertThat(closure.getSubWorkflowsList()).hasSize(1);
    CompiledWorkflow sub = closure.getSubWorkflows(0);
    assertThat(sub.getTemplate().getId().getName())
        .isEqualTo("recipes.03_advanced.advanced_lang_features_copy.merge_sort");
    assertThat(sub.getTemplate().getNodesList())
        .extracting(Node::getId)
        .containsExactly("start-node", "end-node", "node-0");
    assertThat(sub.hasConnections()).isTrue();
  }

  private static Map<String, List<String>> ids(Map<String, ConnectionSet.IdList> lists) {
    return lists.entrySet().stream()
        .collect(
            java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getIdsList()));
  }
}
