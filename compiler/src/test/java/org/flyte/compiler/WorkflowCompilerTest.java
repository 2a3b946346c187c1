package org.flyte.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.flyte.compiler.Dsl.*;

import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Workflow.ArrayNode;
import flyteidl.core.Workflow.BranchNode;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.List;
import org.flyte.compiler.ErrorCases.Case;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.errors.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * Edge behaviours of workflow compilation (the quirks of {@code flytepropeller/pkg/compiler},
 * v1.16.8, and our deliberate fixes; see docs/adr/0010-compiler-quirks.md). The outcomes of the
 * {@link BehaviourCases} were compared with Flyte v1.16.8's own compiler.
 */
class WorkflowCompilerTest {

  private static CompiledWorkflowClosure compile(Case c) {
    return WorkflowCompiler.compileWorkflow(
        c.primary(), c.subWorkflows(), c.tasks(), c.launchPlans());
  }

  private static List<CompileError> errors(Case c) {
    CompileException e = catchThrowableOfType(CompileException.class, () -> compile(c));
    assertThat(e).as("%s must not compile", c.name()).isNotNull();
    return e.errors();
  }

  private static List<String> nodeIds(CompiledWorkflow wf) {
    return wf.getTemplate().getNodesList().stream().map(Node::getId).toList();
  }

  @Test
  void aRepeatedNodeIdIsDroppedSilently() {
    CompiledWorkflow wf = compile(BehaviourCases.duplicateNodeIds()).getPrimary();
    assertThat(nodeIds(wf)).containsExactly("start-node", "end-node", "n0");
    assertThat(wf.getTemplate().getNodes(2).getTaskNode().getReferenceId().getName())
        .isEqualTo("t_int");
  }

  @Test
  void upstreamIdsNamingNoNodeAreKeptAsEdges() {
    CompiledWorkflow wf = compile(BehaviourCases.phantomUpstream()).getPrimary();
    assertThat(wf.getConnections().getUpstreamMap().get("n1").getIdsList())
        .containsExactly("ghost", "n0");
    assertThat(wf.getConnections().getDownstreamMap().get("ghost").getIdsList())
        .containsExactly("n1");
  }

  @Test
  void aNodeAfterOnlyAPhantomIsUnreachable() {
    assertThat(errors(BehaviourCases.onlyPhantomUpstream()))
        .containsExactly(
            new CompileError(
                ErrorCode.UNREACHABLE_NODES,
                "start-node",
                "The Workflow contain unreachable nodes [n1]."));
  }

  @Test
  void upstreamIdsAreSortedInTheClosure() {
    Case c = BehaviourCases.unsortedUpstreamIds();
    CompiledWorkflow wf = compile(c).getPrimary();
    assertThat(wf.getTemplate().getNodes(4).getUpstreamNodeIdsList()).containsExactly("n0", "n1");
    assertThat(c.primary().getNodes(2).getUpstreamNodeIdsList())
        .as("the supplied template is not modified")
        .containsExactly("n1", "n0");
  }

  @Test
  void anUnreferencedSubWorkflowIsReturnedAsSupplied() {
    Case c = BehaviourCases.unreferencedSubWorkflow();
    CompiledWorkflowClosure closure = compile(c);
    assertThat(closure.getSubWorkflows(0).hasConnections()).isTrue();
    assertThat(nodeIds(closure.getSubWorkflows(0))).containsExactly("start-node", "end-node", "s0");
    assertThat(closure.getSubWorkflows(1))
        .isEqualTo(CompiledWorkflow.newBuilder().setTemplate(c.subWorkflows().get(1)).build());
  }

  @Test
  void aTaskInterfaceIsNormalisedInTheClosureButNotInTheInput() {
    Case c = BehaviourCases.taskInterfaceIsNormalised();
    CompiledTask task = compile(c).getTasks(0);
    assertThat(task.getTemplate().getInterface().hasOutputs()).isTrue();
    assertThat(task.getTemplate().getInterface().getOutputs().getVariablesCount()).isZero();
    assertThat(c.tasks().get(0).getTemplate().getInterface().hasOutputs()).isFalse();
  }

  @Test
  void unionsWithANoneOrANonSimpleVariantNeedNoBinding() {
    assertThat(
            compile(BehaviourCases.unionsThatReadAsOptional())
                .getPrimary()
                .getTemplate()
                .getNodes(2)
                .getInputsCount())
        .isEqualTo(1);
  }

  @Test
  void launchPlanNodesMustBindRequiredInputsOnly() {
    assertThat(compile(BehaviourCases.launchPlanExposedInputs()).getTasksList()).isEmpty();
    assertThat(errors(BehaviourCases.launchPlanMissingRequiredInput()))
        .containsExactly(
            new CompileError(ErrorCode.PARAMETER_NOT_BOUND, "n0", "Parameter not bound [x]."),
            new CompileError(
                ErrorCode.VARIABLE_NAME_NOT_FOUND, "n0", "Variable [f] not found on node [n0]."));
  }

  @Test
  void subWorkflowsCallingEachOtherAreACycleNotAnEndlessRecursion() {
    assertThat(errors(BehaviourCases.subWorkflowCycle()))
        .extracting(CompileError::code)
        .contains(ErrorCode.CYCLE_DETECTED);
  }

  @Test
  void missingInputsAbortAsInFlyte() {
    assertThat(
            catchThrowableOfType(
                    CompileException.class,
                    () -> WorkflowCompiler.compileWorkflow(null, List.of(), List.of(), List.of()))
                .errors())
        .containsExactly(
            new CompileError(ErrorCode.VALUE_REQUIRED, "root", "Value required [wf]."));
    WorkflowTemplate wf = ErrorCases.cycle().primary();
    assertThat(
            catchThrowableOfType(
                    CompileException.class,
                    () -> WorkflowCompiler.compileWorkflow(wf, List.of(), null, List.of()))
                .errors())
        .containsExactly(
            new CompileError(ErrorCode.VALUE_REQUIRED, "root", "Value required [tasks]."));
    assertThat(
            catchThrowableOfType(
                    CompileException.class,
                    () ->
                        WorkflowCompiler.compileWorkflow(
                            wf, List.of(), List.of(CompiledTask.getDefaultInstance()), List.of()))
                .errors())
        .containsExactly(
            new CompileError(ErrorCode.VALUE_REQUIRED, "task", "Value required [Template.Id]."));
  }

  @Test
  void requirementsAreDistinctSortedAndFollowEveryKindOfNode() {
    Node.Builder branch =
        Node.newBuilder()
            .setId("b")
            .setBranchNode(
                BranchNode.newBuilder()
                    .setIfElse(
                        IfElseBlock.newBuilder()
                            .setCase(ErrorCases.when(null, taskNode("c", "t_case")))
                            .setElseNode(taskNode("e", "t_else"))));
    Node.Builder array =
        Node.newBuilder()
            .setId("arr")
            .setArrayNode(ArrayNode.newBuilder().setNode(taskNode("m", "t_array")));
    WorkflowTemplate sub =
        workflow("sub", vars(), vars())
            .addNodes(taskNode("s", "t_sub"))
            .addNodes(taskNode("s2", "b_dup"))
            .build();
    WorkflowTemplate wf =
        workflow("wf", vars(), vars())
            .addNodes(taskNode("n0", "z_last"))
            .addNodes(taskNode("n1", "b_dup"))
            .addNodes(branch)
            .addNodes(array)
            .addNodes(launchPlanNode("lp1", "lp_b"))
            .addNodes(launchPlanNode("lp2", "lp_a"))
            .addNodes(subWorkflowNode("sw", "sub"))
            .setFailureNode(taskNode("fn", "t_failure"))
            .build();
    WorkflowRequirements requirements = WorkflowCompiler.requirements(wf, List.of(sub));
    assertThat(requirements.taskIds())
        .extracting(Identifier::getName)
        .containsExactly("b_dup", "t_array", "t_case", "t_else", "t_failure", "t_sub", "z_last");
    assertThat(requirements.launchPlanIds())
        .extracting(Identifier::getName)
        .containsExactly("lp_a", "lp_b");
  }

  @Test
  void requirementsReportMissingSubWorkflowsOnTheirNode() {
    WorkflowTemplate wf =
        workflow("wf", vars(), vars()).addNodes(subWorkflowNode("sw", "gone")).build();
    assertThat(
            catchThrowableOfType(
                    CompileException.class, () -> WorkflowCompiler.requirements(wf, List.of()))
                .errors())
        .extracting(CompileError::code, CompileError::nodeId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ErrorCode.WORKFLOW_REFERENCE_NOT_FOUND, "sw"));
  }

  @Test
  void aSubWorkflowWithoutIdIsReportedInsteadOfFailingSilently() {
    WorkflowTemplate wf = workflow("wf", vars(), vars()).addNodes(taskNode("n0", "t")).build();
    assertThat(
            catchThrowableOfType(
                    CompileException.class,
                    () ->
                        WorkflowCompiler.requirements(
                            wf, List.of(WorkflowTemplate.getDefaultInstance())))
                .errors())
        .containsExactly(
            new CompileError(
                ErrorCode.VALUE_REQUIRED, "subworkflow", "Value required [Template.Id]."));
  }

  @Test
  void longChainsCompileWithoutDeepRecursion() {
    WorkflowTemplate.Builder wf = workflow("chain", vars("a", INT), vars("o", INT));
    wf.addNodes(taskNode("n0", "t_int", promise("x", "", "a")));
    for (int i = 1; i < 20_000; i++) {
      wf.addNodes(taskNode("n" + i, "t_int", promise("x", "n" + (i - 1), "o")));
    }
    wf.addOutputs(promise("o", "n19999", "o"));
    CompiledWorkflowClosure closure =
        WorkflowCompiler.compileWorkflow(
            wf.build(), List.of(), List.of(ErrorCases.T_INT), List.of());
    assertThat(closure.getPrimary().getTemplate().getNodesCount()).isEqualTo(20_002);
  }

  @Test
  void everyErrorIsReportedOnceAndSorted() {
    List<Node.Builder> nodes = new ArrayList<>();
    for (String id : List.of("n2", "n0", "n1")) {
      nodes.add(taskNode(id, "t_int", bind("x", stringData("s")), bind("x", stringData("s"))));
    }
    WorkflowTemplate.Builder wf = workflow("wf", vars(), vars());
    nodes.forEach(wf::addNodes);
    List<CompileError> errors =
        catchThrowableOfType(
                CompileException.class,
                () ->
                    WorkflowCompiler.compileWorkflow(
                        wf.build(), List.of(), List.of(ErrorCases.T_INT), List.of()))
            .errors();
    assertThat(errors)
        .extracting(CompileError::toString)
        .containsExactly(
            "Code: MismatchingTypes, Node Id: n0, Description: Variable [x] (type [simple:STRING]) doesn't match expected type [simple:INTEGER].",
            "Code: MismatchingTypes, Node Id: n1, Description: Variable [x] (type [simple:STRING]) doesn't match expected type [simple:INTEGER].",
            "Code: MismatchingTypes, Node Id: n2, Description: Variable [x] (type [simple:STRING]) doesn't match expected type [simple:INTEGER].",
            "Code: ParameterBoundMoreThanOnce, Node Id: n0, Description: Input [x] is bound more than once.",
            "Code: ParameterBoundMoreThanOnce, Node Id: n1, Description: Input [x] is bound more than once.",
            "Code: ParameterBoundMoreThanOnce, Node Id: n2, Description: Input [x] is bound more than once.");
  }
}
