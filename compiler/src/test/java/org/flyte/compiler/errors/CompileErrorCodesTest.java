package org.flyte.compiler.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.Set;
import org.flyte.compiler.ErrorCases;
import org.flyte.compiler.WorkflowCompiler;
import org.junit.jupiter.api.Test;

/**
 * At least one failing workflow per error code the workflow compiler raises, each asserting every
 * error's code, node id and text. Every expectation was compared with what Flyte v1.16.8's own
 * compiler reports for the same workflow (recorded from Flyte v1.16.8's compiler): they are equal,
 * except where a comment says how and why ours differ. Task-level codes ({@code InvalidValue},
 * {@code UnrecognizedValue} of resources) are covered by {@code TaskCompilerTest}.
 */
class CompileErrorCodesTest {

  @Test
  void cycleDetectedNamesThePath() {
    assertErrors(
        ErrorCases.cycle(),
        "Code: CycleDetected, Node Id: start-node, Description: A cycle has been detected while traversing the Workflow [start-node>n0>n1>n0].");
  }

  @Test
  void unreachableNodesAreListedSorted() {
    // Flyte lists them in random (map) order; we sort.
    assertErrors(
        ErrorCases.unreachable(),
        "Code: UnreachableNodes, Node Id: start-node, Description: The Workflow contain unreachable nodes [n1,n2].");
  }

  @Test
  void branchCaseWithoutThenNodeIsBranchNodeIdNotFound() {
    assertErrors(
        ErrorCases.branchWithoutThenNode(),
        "Code: BranchNodeIdNotFound, Node Id: b, Description: BranchNode not assigned",
        "Code: ParameterNotBound, Node Id: end-node, Description: Parameter not bound [o].",
        "Code: UnreachableNodes, Node Id: start-node, Description: The Workflow contain unreachable nodes [b].",
        "Code: ValueRequired, Node Id: b, Description: Value required [IfElse.Case.ThenNode].",
        "Code: ValueRequired, Node Id: b, Description: Value required [a].",
        "Code: VariableNameNotFound, Node Id: b, Description: Variable [o] not found on node [b].");
  }

  @Test
  void branchCaseWithoutConditionIsBranchNodeHasNoCondition() {
    assertErrors(
        ErrorCases.branchWithoutCondition(),
        "Code: BranchNodeHasNoCondition, Node Id: b, Description: One of the branches on the node doesn't have a condition.");
  }

  @Test
  void branchWithoutElseOrErrorIsBranchNodeHasNoDefault() {
    assertErrors(
        ErrorCases.branchWithoutDefault(),
        "Code: BranchNodeHasNoDefault, Node Id: b, Description: Branch Node must have either the else case set or a default error.");
  }

  @Test
  void conditionOperandsMustHaveIdenticalTypesAndKnownVariables() {
    assertErrors(
        ErrorCases.branchConditionTypes(),
        "Code: MismatchingTypes, Node Id: b, Description: Variable [RightValue] (type [simple:FLOAT]) doesn't match expected type [simple:INTEGER].",
        "Code: VariableNameNotFound, Node Id: b, Description: Variable [zz] not found on node [b].");
  }

  @Test
  void branchCasesMustAgreeOnOutputTypes() {
    assertErrors(
        ErrorCases.branchOutputTypes(),
        "Code: MismatchingTypes, Node Id: b-n1, Description: Variable [o] (type [simple:INTEGER]) doesn't match expected type [simple:STRING].",
        "Code: ParameterNotBound, Node Id: end-node, Description: Parameter not bound [o].",
        "Code: UnreachableNodes, Node Id: start-node, Description: The Workflow contain unreachable nodes [b].",
        "Code: ValueRequired, Node Id: b, Description: Value required [a].",
        "Code: VariableNameNotFound, Node Id: b, Description: Variable [o] not found on node [b].");
  }

  @Test
  void scalarConditionOperandsAreRejectedInThisVersion() {
    assertErrors(
        ErrorCases.branchScalarOperand(),
        "Code: ValueRequired, Node Id: b, Description: Value required [RightValue.Val].");
  }

  @Test
  void signalGateWithoutTypeIsValueRequired() {
    assertErrors(
        ErrorCases.signalWithoutType(),
        "Code: ValueRequired, Node Id: g, Description: Value required [GateNode.Signal.Type].");
  }

  @Test
  void launchPlanWithoutExpectedInputsIsValueRequired() {
    assertErrors(
        ErrorCases.launchPlanWithoutInterface(),
        "Code: ParameterNotBound, Node Id: end-node, Description: Parameter not bound [o].",
        "Code: ValueRequired, Node Id: n0, Description: Value required [WorkflowNode.ExpectedInputs].",
        "Code: VariableNameNotFound, Node Id: n0, Description: Variable [o] not found on node [n0].");
  }

  @Test
  void nodeWithoutTargetIsValueRequired() {
    assertErrors(
        ErrorCases.nodeWithoutTarget(),
        "Code: ParameterNotBound, Node Id: end-node, Description: Parameter not bound [o].",
        "Code: ValueRequired, Node Id: n0, Description: Value required [Target].",
        "Code: VariableNameNotFound, Node Id: n0, Description: Variable [o] not found on node [n0].");
  }

  @Test
  void promiseFromUnknownNodeIsNodeReferenceNotFound() {
    assertErrors(
        ErrorCases.missingNode(),
        "Code: NodeReferenceNotFound, Node Id: ghost, Description: Referenced node [ghost] not found.",
        "Code: ParameterNotBound, Node Id: n0, Description: Parameter not bound [x].");
  }

  @Test
  void missingTaskIsReportedAtStartAndAtTheNodeAndCompilationGoesOn() {
    // Flyte stops after the start-node errors; we go on, name the nodes and find the rest.
    assertErrors(
        ErrorCases.missingTask(),
        "Code: MismatchingTypes, Node Id: end-node, Description: The output variable 'o' has type [simple:STRING], but it's assigned to the input variable 'o' which has type type [simple:INTEGER].",
        "Code: TaskReferenceNotFound, Node Id: n0, Description: Referenced Task [resource_type:TASK project:\"p\" domain:\"d\" name:\"t_int\" version:\"v\"] not found.",
        "Code: TaskReferenceNotFound, Node Id: start-node, Description: Referenced Task [resource_type:TASK project:\"p\" domain:\"d\" name:\"t_int\" version:\"v\"] not found.");
  }

  @Test
  void missingLaunchPlanOrSubWorkflowIsWorkflowReferenceNotFound() {
    // Flyte stops after the start-node errors; we go on, name the nodes and find the rest.
    assertErrors(
        ErrorCases.missingLaunchPlanAndSubWorkflow(),
        "Code: WorkflowReferenceNotFound, Node Id: n0, Description: Referenced Workflow [resource_type:LAUNCH_PLAN project:\"p\" domain:\"d\" name:\"lp\" version:\"v\"] not found.",
        "Code: WorkflowReferenceNotFound, Node Id: n1, Description: Referenced Workflow [resource_type:WORKFLOW project:\"p\" domain:\"d\" name:\"sub\" version:\"v\"] not found.",
        "Code: WorkflowReferenceNotFound, Node Id: start-node, Description: Referenced Workflow [resource_type:LAUNCH_PLAN project:\"p\" domain:\"d\" name:\"lp\" version:\"v\"] not found.");
  }

  @Test
  void unknownInputsAndOutputsAreVariableNameNotFound() {
    assertErrors(
        ErrorCases.unknownVariables(),
        "Code: ParameterNotBound, Node Id: n1, Description: Parameter not bound [x].",
        "Code: VariableNameNotFound, Node Id: n0, Description: Variable [extra] not found on node [n0].",
        "Code: VariableNameNotFound, Node Id: n0, Description: Variable [nope] not found on node [n0].");
  }

  @Test
  void repeatedOutputAliasIsDuplicateAlias() {
    assertErrors(
        ErrorCases.duplicateAlias(),
        "Code: DuplicateAlias, Node Id: n0, Description: Duplicate alias [second] found. An output alias can only be used once in the Workflow.",
        "Code: ParameterNotBound, Node Id: end-node, Description: Parameter not bound [o].");
  }

  @Test
  void twoSubWorkflowsWithOneIdAreDuplicateId() {
    assertErrors(
        ErrorCases.duplicateSubWorkflow(),
        "Code: DuplicateId, Node Id: resource_type:WORKFLOW project:\"p\" domain:\"d\" name:\"sub\" version:\"v\", Description: Trying to insert two nodes with the same id.");
  }

  @Test
  void incompatibleTypesAreMismatchingTypes() {
    assertErrors(
        ErrorCases.mismatchingTypes(),
        "Code: MismatchingTypes, Node Id: n1, Description: The output variable 'o' has type [simple:INTEGER], but it's assigned to the input variable 's' which has type type [simple:STRING].",
        "Code: MismatchingTypes, Node Id: n2, Description: Variable [x] (type [simple:STRING]) doesn't match expected type [simple:INTEGER].");
  }

  @Test
  void collectionBoundToScalarIsMismatchingBindings() {
    assertErrors(
        ErrorCases.mismatchingBindings(),
        "Code: MismatchingBindings, Node Id: n0, Description: Input [x] on node [n0] expects bindings of type [simple:INTEGER].  Received [bindings:{scalar:{primitive:{integer:1}}}]");
  }

  @Test
  void inputsMustBeBoundExactlyOnce() {
    assertErrors(
        ErrorCases.boundTwiceAndUnbound(),
        "Code: ParameterBoundMoreThanOnce, Node Id: n0, Description: Input [x] is bound more than once.",
        "Code: ParameterNotBound, Node Id: n1, Description: Parameter not bound [y].");
  }

  @Test
  void blobWithoutMetadataIsUnrecognizedValue() {
    assertErrors(
        ErrorCases.unrecognizedScalar(),
        "Code: UnrecognizedValue, Node Id: n0, Description: Unrecognized value [*core.Scalar_Blob].");
  }

  @Test
  void unparsablePromiseVariableIsSyntaxError() {
    assertErrors(
        ErrorCases.badPromiseSyntax(),
        "Code: SyntaxError, Node Id: n0, Description: Failed to parse element [a.b].");
  }

  @Test
  void workflowWithoutNodesIsNoNodesFound() {
    assertErrors(
        ErrorCases.noNodes(),
        "Code: NoNodesFound, Node Id: resource_type:WORKFLOW project:\"p\" domain:\"d\" name:\"wf\" version:\"v\", Description: Can't find any nodes in workflow [resource_type:WORKFLOW project:\"p\" domain:\"d\" name:\"wf\" version:\"v\"].");
  }

  @Test
  void stringOutsideTheEnumIsIllegalEnumValue() {
    assertErrors(
        ErrorCases.illegalEnumValue(),
        "Code: IllegalEnumValue, Node Id: n0, Description: Input [c] on node [n0] is an Enum and expects value to be one of [[red green]].  Received [purple]");
  }

  @Test
  void collectionsBoundToUnionsMustMatchExactlyOneVariant() {
    assertErrors(
        ErrorCases.unionBindings(),
        "Code: AmbiguousBindingUnionValue, Node Id: n0, Description: Input [u] on node [n0] expects bindings of union type [union_type:{variants:{collection_type:{simple:INTEGER}} variants:{collection_type:{simple:STRING}}}].  Received [collection:{}] which is ambiguous as both variants [collection_type:{simple:INTEGER}] and [collection_type:{simple:STRING}] match.",
        "Code: IncompatibleBindingUnionValue, Node Id: n0, Description: Input [v] on node [n0] expects bindings of union type [union_type:{variants:{collection_type:{simple:INTEGER}} variants:{map_value_type:{simple:INTEGER}}}].  Received [collection:{bindings:{scalar:{primitive:{string_value:\"x\"}}}}] which does not match any of the variants.");
  }

  @Test
  void gateWithoutConditionIsNoConditionFound() {
    assertErrors(
        ErrorCases.gateWithoutCondition(),
        "Code: NoConditionFound, Node Id: g, Description: Can't find any condition in gate node [g].");
  }

  @Test
  void attributePathToMissingFieldIsFieldNotFound() {
    assertErrors(
        ErrorCases.missingField(),
        "Code: FieldNotFound, Node Id: n1, Description: Variable [o] (type [simple:STRUCT structure:{dataclass_type:{key:\"name\" value:{simple:STRING}} dataclass_type:{key:\"x\" value:{simple:INTEGER}}}]) doesn't have field [y].");
  }

  @Test
  void everyCodeTheWorkflowCompilerRaisesHasAFailingWorkflowHere() {
    Set<ErrorCode> raised = EnumSet.noneOf(ErrorCode.class);
    for (ErrorCases.Case c : ErrorCases.all()) {
      compileErrors(c).forEach(e -> raised.add(e.code()));
    }
    EnumSet<ErrorCode> notRaisedByTheCompiler =
        EnumSet.of(
            ErrorCode.MISMATCHING_INTERFACES,
            ErrorCode.INCONSISTENT_TYPES,
            ErrorCode.NO_ENTRY_NODE_FOUND,
            ErrorCode.WORKFLOW_BUILD_ERROR,
            ErrorCode.VALUE_COLLISION,
            ErrorCode.INVALID_LITERAL_TYPE,
            ErrorCode.INVALID_VALUE);
    assertThat(raised).isEqualTo(EnumSet.complementOf(notRaisedByTheCompiler));
  }

  @Test
  void collectedErrorsRenderAsFlyteRendersThem() {
    CompileException e =
        catchThrowableOfType(
            CompileException.class,
            () -> {
              ErrorCases.Case c = ErrorCases.boundTwiceAndUnbound();
              WorkflowCompiler.compileWorkflow(
                  c.primary(), c.subWorkflows(), c.tasks(), c.launchPlans());
            });
    assertThat(e.getMessage())
        .isEqualTo(
            """
            Collected Errors: 2
            \tError 0: Code: ParameterBoundMoreThanOnce, Node Id: n0, Description: Input [x] is bound more than once.
            \tError 1: Code: ParameterNotBound, Node Id: n1, Description: Parameter not bound [y].
            """);
  }

  private static java.util.List<CompileError> compileErrors(ErrorCases.Case c) {
    CompileException e =
        catchThrowableOfType(
            CompileException.class,
            () ->
                WorkflowCompiler.compileWorkflow(
                    c.primary(), c.subWorkflows(), c.tasks(), c.launchPlans()));
    assertThat(e).as("%s must not compile", c.name()).isNotNull();
    return e.errors();
  }

  private static void assertErrors(ErrorCases.Case c, String... expected) {
    assertThat(compileErrors(c)).extracting(CompileError::toString).containsExactly(expected);
  }
}
