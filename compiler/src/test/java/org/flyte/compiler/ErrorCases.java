package org.flyte.compiler;

import static org.flyte.compiler.Dsl.*;

import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.Condition.ComparisonExpression;
import flyteidl.core.Condition.Operand;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.Blob;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Workflow.Alias;
import flyteidl.core.Workflow.BranchNode;
import flyteidl.core.Workflow.GateNode;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flyte.compiler.graph.LaunchPlanInterface;

/**
 * Workflows that do not compile, at least one per error code the compiler raises. Shared by the
 * error tests and were checked against Flyte's own compiler when written.
 */
public final class ErrorCases {

  /** The inputs of one {@code compileWorkflow} call. */
  public record Case(
      String name,
      WorkflowTemplate primary,
      List<WorkflowTemplate> subWorkflows,
      List<CompiledTask> tasks,
      List<LaunchPlanInterface> launchPlans) {

    public Case(String name, WorkflowTemplate primary, List<CompiledTask> tasks) {
      this(name, primary, List.of(), tasks, List.of());
    }
  }

  public static final CompiledTask T_INT = task("t_int", vars("x", INT), vars("o", INT));
  public static final CompiledTask T_TWO = task("t_two", vars("x", INT, "y", INT), vars("o", INT));
  public static final CompiledTask T_STR = task("t_str", vars("s", STRING), vars("o", STRING));

  private ErrorCases() {}

  /**
   * A workflow {@code wf(a: int) -> o: int} with these nodes and {@code o} bound to {@code out}.
   */
  static WorkflowTemplate wf(String outNode, String outVar, Node.Builder... nodes) {
    WorkflowTemplate.Builder w = workflow("wf", vars("a", INT), vars("o", INT));
    for (Node.Builder n : nodes) {
      w.addNodes(n);
    }
    return w.addOutputs(promise("o", outNode, outVar)).build();
  }

  public static Case cycle() {
    return new Case(
        "cycle",
        wf(
            "n1",
            "o",
            taskNode("n0", "t_two", promise("x", "", "a"), promise("y", "n1", "o")),
            taskNode("n1", "t_int", promise("x", "n0", "o"))),
        List.of(T_INT, T_TWO));
  }

  public static Case unreachable() {
    return new Case(
        "unreachable",
        wf(
            "n0",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a")),
            taskNode("n1", "t_int", promise("x", "n2", "o")),
            taskNode("n2", "t_int", promise("x", "n1", "o"))),
        List.of(T_INT));
  }

  static Node.Builder branch(String id, IfElseBlock.Builder ifElse, Binding... inputs) {
    return Node.newBuilder()
        .setId(id)
        .setBranchNode(BranchNode.newBuilder().setIfElse(ifElse))
        .addAllInputs(List.of(inputs));
  }

  static BooleanExpression compare(Operand left, Operand right) {
    return BooleanExpression.newBuilder()
        .setComparison(
            ComparisonExpression.newBuilder()
                .setOperator(ComparisonExpression.Operator.GT)
                .setLeftValue(left)
                .setRightValue(right))
        .build();
  }

  static Operand var(String name) {
    return Operand.newBuilder().setVar(name).build();
  }

  static Operand integer(long v) {
    return Operand.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(v)).build();
  }

  static Operand floating(double v) {
    return Operand.newBuilder().setPrimitive(Primitive.newBuilder().setFloatValue(v)).build();
  }

  static IfBlock.Builder when(BooleanExpression condition, Node.Builder then) {
    IfBlock.Builder block = IfBlock.newBuilder();
    if (condition != null) {
      block.setCondition(condition);
    }
    if (then != null) {
      block.setThenNode(then);
    }
    return block;
  }

  public static Case branchWithoutThenNode() {
    IfElseBlock.Builder ifElse =
        IfElseBlock.newBuilder()
            .setCase(
                when(compare(var("a"), integer(1)), taskNode("n0", "t_int", promise("x", "", "a"))))
            .addOther(when(compare(var("a"), integer(5)), null))
            .setElseNode(taskNode("n1", "t_int", promise("x", "", "a")));
    return new Case(
        "branch-without-then-node",
        wf("b", "o", branch("b", ifElse, promise("a", "", "a"))),
        List.of(T_INT));
  }

  public static Case branchWithoutCondition() {
    IfElseBlock.Builder ifElse =
        IfElseBlock.newBuilder()
            .setCase(when(null, taskNode("n0", "t_int", promise("x", "", "a"))))
            .setElseNode(taskNode("n1", "t_int", promise("x", "", "a")));
    return new Case(
        "branch-without-condition",
        wf("b", "o", branch("b", ifElse, promise("a", "", "a"))),
        List.of(T_INT));
  }

  public static Case branchWithoutDefault() {
    IfElseBlock.Builder ifElse =
        IfElseBlock.newBuilder()
            .setCase(
                when(
                    compare(var("a"), integer(1)), taskNode("n0", "t_int", promise("x", "", "a"))));
    return new Case(
        "branch-without-default",
        wf("b", "o", branch("b", ifElse, promise("a", "", "a"))),
        List.of(T_INT));
  }

  public static Case branchConditionTypes() {
    IfElseBlock.Builder ifElse =
        IfElseBlock.newBuilder()
            .setCase(
                when(
                    compare(var("a"), floating(1.5)),
                    taskNode("n0", "t_int", promise("x", "", "a"))))
            .addOther(
                when(
                    compare(var("zz"), integer(1)), taskNode("n1", "t_int", promise("x", "", "a"))))
            .setElseNode(taskNode("n2", "t_int", promise("x", "", "a")));
    return new Case(
        "branch-condition-types",
        wf("b", "o", branch("b", ifElse, promise("a", "", "a"))),
        List.of(T_INT));
  }

  public static Case branchOutputTypes() {
    IfElseBlock.Builder ifElse =
        IfElseBlock.newBuilder()
            .setCase(
                when(compare(var("a"), integer(1)), taskNode("n0", "t_int", promise("x", "", "a"))))
            .setElseNode(taskNode("n1", "t_str", promise("s", "", "a")));
    return new Case(
        "branch-output-types",
        wf("b", "o", branch("b", ifElse, promise("a", "", "a"))),
        List.of(T_INT, T_STR));
  }

  public static Case branchScalarOperand() {
    Operand scalar =
        Operand.newBuilder()
            .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(1)))
            .build();
    IfElseBlock.Builder ifElse =
        IfElseBlock.newBuilder()
            .setCase(
                when(compare(var("a"), scalar), taskNode("n0", "t_int", promise("x", "", "a"))))
            .setElseNode(taskNode("n1", "t_int", promise("x", "", "a")));
    return new Case(
        "branch-scalar-operand",
        wf("b", "o", branch("b", ifElse, promise("a", "", "a"))),
        List.of(T_INT));
  }

  public static Case signalWithoutType() {
    return new Case(
        "signal-without-type",
        wf(
            "n0",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a")),
            Node.newBuilder()
                .setId("g")
                .setGateNode(
                    GateNode.newBuilder()
                        .setSignal(
                            flyteidl.core.Workflow.SignalCondition.newBuilder()
                                .setSignalId("s")
                                .setOutputVariableName("v")))),
        List.of(T_INT));
  }

  public static Case launchPlanWithoutInterface() {
    return new Case(
        "launch-plan-without-interface",
        wf("n0", "o", launchPlanNode("n0", "lp", promise("x", "", "a"))),
        List.of(),
        List.of(),
        List.of(new LaunchPlanInterface(launchPlanId("lp"), null, vars("o", INT))));
  }

  public static Case nodeWithoutTarget() {
    return new Case("node-without-target", wf("n0", "o", Node.newBuilder().setId("n0")), List.of());
  }

  public static Case missingNode() {
    return new Case(
        "missing-node",
        wf("n0", "o", taskNode("n0", "t_int", promise("x", "ghost", "o"))),
        List.of(T_INT));
  }

  public static Case missingTask() {
    return new Case(
        "missing-task",
        wf(
            "n1",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a")),
            taskNode("n1", "t_str", promise("s", "n0", "o"))),
        List.of(T_STR));
  }

  public static Case missingLaunchPlanAndSubWorkflow() {
    return new Case(
        "missing-launch-plan-and-sub-workflow",
        wf(
            "n0",
            "o",
            launchPlanNode("n0", "lp", promise("x", "", "a")),
            subWorkflowNode("n1", "sub", promise("x", "", "a"))),
        List.of(),
        List.of(),
        List.of());
  }

  public static Case unknownVariables() {
    return new Case(
        "unknown-variables",
        wf(
            "n1",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a"), promise("extra", "", "a")),
            taskNode("n1", "t_int", promise("x", "n0", "nope"))),
        List.of(T_INT));
  }

  public static Case duplicateAlias() {
    Node.Builder n0 =
        taskNode("n0", "t_int", promise("x", "", "a"))
            .addOutputAliases(Alias.newBuilder().setVar("o").setAlias("first"))
            .addOutputAliases(Alias.newBuilder().setVar("o").setAlias("second"));
    return new Case("duplicate-alias", wf("n0", "first", n0), List.of(T_INT));
  }

  public static Case duplicateSubWorkflow() {
    WorkflowTemplate sub =
        workflow("sub", vars("x", INT), vars("o", INT))
            .addNodes(taskNode("s0", "t_int", promise("x", "", "x")))
            .addOutputs(promise("o", "s0", "o"))
            .build();
    return new Case(
        "duplicate-sub-workflow",
        wf("n0", "o", subWorkflowNode("n0", "sub", promise("x", "", "a"))),
        List.of(sub, sub),
        List.of(T_INT),
        List.of());
  }

  public static Case mismatchingTypes() {
    return new Case(
        "mismatching-types",
        wf(
            "n0",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a")),
            taskNode("n1", "t_str", promise("s", "n0", "o")),
            taskNode("n2", "t_int", bind("x", stringData("seven")))),
        List.of(T_INT, T_STR));
  }

  public static Case mismatchingBindings() {
    return new Case(
        "mismatching-bindings",
        wf("n0", "o", taskNode("n0", "t_int", bind("x", collectionData(intData(1))))),
        List.of(T_INT));
  }

  public static Case boundTwiceAndUnbound() {
    return new Case(
        "bound-twice-and-unbound",
        wf(
            "n0",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a"), promise("x", "", "a")),
            taskNode("n1", "t_two", promise("x", "", "a"))),
        List.of(T_INT, T_TWO));
  }

  public static Case unrecognizedScalar() {
    Scalar blob = Scalar.newBuilder().setBlob(Blob.newBuilder().setUri("s3://b/k")).build();
    return new Case(
        "unrecognized-scalar",
        wf("n0", "o", taskNode("n0", "t_int", bind("x", scalarData(blob)))),
        List.of(T_INT));
  }

  public static Case badPromiseSyntax() {
    return new Case(
        "bad-promise-syntax",
        wf("n0", "o", taskNode("n0", "t_int", promise("x", "", "a.b"))),
        List.of(T_INT));
  }

  public static Case noNodes() {
    return new Case("no-nodes", workflow("wf", vars(), vars()).build(), List.of());
  }

  public static Case illegalEnumValue() {
    CompiledTask paint = task("paint", vars("c", enumOf("red", "green")), vars());
    return new Case(
        "illegal-enum-value",
        workflow("wf", vars(), vars())
            .addNodes(taskNode("n0", "paint", bind("c", stringData("purple"))))
            .build(),
        List.of(paint));
  }

  public static Case unionBindings() {
    CompiledTask take =
        task(
            "take",
            vars("u", union(list(INT), list(STRING)), "v", union(list(INT), map(INT))),
            vars());
    return new Case(
        "union-bindings",
        workflow("wf", vars(), vars())
            .addNodes(
                taskNode(
                    "n0",
                    "take",
                    bind("u", collectionData()),
                    bind("v", collectionData(stringData("x")))))
            .build(),
        List.of(take));
  }

  public static Case gateWithoutCondition() {
    return new Case(
        "gate-without-condition",
        wf(
            "n0",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a")),
            Node.newBuilder().setId("g").setGateNode(GateNode.newBuilder())),
        List.of(T_INT));
  }

  public static Case missingField() {
    CompiledTask make =
        task("make", vars(), vars("o", dataclass(Map.of("x", INT, "name", STRING))));
    return new Case(
        "missing-field",
        wf(
            "n1",
            "o",
            taskNode("n0", "make"),
            taskNode("n1", "t_int", promise("x", "n0", "o", "y"))),
        List.of(make, T_INT));
  }

  /** Every case, in a stable order. */
  public static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    cases.add(cycle());
    cases.add(unreachable());
    cases.add(branchWithoutThenNode());
    cases.add(branchWithoutCondition());
    cases.add(branchWithoutDefault());
    cases.add(branchConditionTypes());
    cases.add(branchOutputTypes());
    cases.add(branchScalarOperand());
    cases.add(signalWithoutType());
    cases.add(launchPlanWithoutInterface());
    cases.add(nodeWithoutTarget());
    cases.add(missingNode());
    cases.add(missingTask());
    cases.add(missingLaunchPlanAndSubWorkflow());
    cases.add(unknownVariables());
    cases.add(duplicateAlias());
    cases.add(duplicateSubWorkflow());
    cases.add(mismatchingTypes());
    cases.add(mismatchingBindings());
    cases.add(boundTwiceAndUnbound());
    cases.add(unrecognizedScalar());
    cases.add(badPromiseSyntax());
    cases.add(noNodes());
    cases.add(illegalEnumValue());
    cases.add(unionBindings());
    cases.add(gateWithoutCondition());
    cases.add(missingField());
    return cases;
  }
}
