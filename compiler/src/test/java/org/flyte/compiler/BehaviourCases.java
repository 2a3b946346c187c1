package org.flyte.compiler;

import static org.flyte.compiler.Dsl.*;
import static org.flyte.compiler.ErrorCases.T_INT;
import static org.flyte.compiler.ErrorCases.T_TWO;

import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.List;
import org.flyte.compiler.ErrorCases.Case;
import org.flyte.compiler.graph.LaunchPlanInterface;

/**
 * Workflows showing the quirks and edge behaviours of Flyte's compiler ({@code
 * flytepropeller/pkg/compiler}, v1.16.8; listed in docs/adr/0010-compiler-quirks.md), shared by
 * {@code WorkflowCompilerTest} and the check against Flyte's own compiler.
 */
public final class BehaviourCases {

  private BehaviourCases() {}

  /** Two nodes named {@code n0}: the second is validated but left out of the closure. */
  public static Case duplicateNodeIds() {
    return new Case(
        "duplicate-node-ids",
        ErrorCases.wf(
            "n0",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a")),
            taskNode("n0", "t_two", promise("x", "", "a"), promise("y", "", "a"))),
        List.of(T_INT, T_TWO));
  }

  /** An upstream id naming no node is accepted and recorded as an edge. */
  public static Case phantomUpstream() {
    return new Case(
        "phantom-upstream",
        ErrorCases.wf(
            "n1",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a")),
            taskNode("n1", "t_int", promise("x", "n0", "o")).addUpstreamNodeIds("ghost")),
        List.of(T_INT));
  }

  /**
   * A node whose only upstream is a phantom gets no edge from {@code start-node} (it has an
   * upstream entry), so it is unreachable.
   */
  public static Case onlyPhantomUpstream() {
    return new Case(
        "only-phantom-upstream",
        ErrorCases.wf(
            "n0",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a")),
            taskNode("n1", "t_int", bind("x", intData(1))).addUpstreamNodeIds("ghost")),
        List.of(T_INT));
  }

  /** Unsorted upstream ids, sorted in the closure; the phantom makes nothing unreachable here. */
  public static Case unsortedUpstreamIds() {
    return new Case(
        "unsorted-upstream-ids",
        ErrorCases.wf(
            "n2",
            "o",
            taskNode("n0", "t_int", promise("x", "", "a")),
            taskNode("n1", "t_int", promise("x", "", "a")),
            taskNode("n2", "t_int", promise("x", "n1", "o"))
                .addUpstreamNodeIds("n1")
                .addUpstreamNodeIds("n0")),
        List.of(T_INT));
  }

  /** A supplied sub-workflow nobody calls is returned as supplied; a called one compiled. */
  public static Case unreferencedSubWorkflow() {
    WorkflowTemplate called =
        workflow("called", vars("x", INT), vars("o", INT))
            .addNodes(taskNode("s0", "t_int", promise("x", "", "x")))
            .addOutputs(promise("o", "s0", "o"))
            .build();
    WorkflowTemplate idle =
        WorkflowTemplate.newBuilder()
            .setId(workflowId("idle"))
            .addNodes(taskNode("s0", "t_int", promise("x", "", "x")))
            .build();
    return new Case(
        "unreferenced-sub-workflow",
        ErrorCases.wf("n0", "o", subWorkflowNode("n0", "called", promise("x", "", "a"))),
        List.of(called, idle),
        List.of(T_INT),
        List.of());
  }

  /** A task whose interface lacks an output map gets one in the closure, as Flyte mutates it. */
  public static Case taskInterfaceIsNormalised() {
    TaskTemplate sink =
        TaskTemplate.newBuilder()
            .setId(taskId("sink"))
            .setInterface(TypedInterface.newBuilder().setInputs(vars("x", INT)))
            .setContainer(Container.newBuilder().setImage("image").addArgs("run"))
            .build();
    return new Case(
        "task-interface-normalised",
        WorkflowTemplate.newBuilder()
            .setId(workflowId("wf"))
            .addNodes(taskNode("n0", "sink", bind("x", intData(1))))
            .build(),
        List.of(CompiledTask.newBuilder().setTemplate(sink).build()));
  }

  /**
   * A union with a list variant counts as optional, because a non-simple variant reads as simple
   * type {@code NONE}; so does a true {@code Optional}. Neither needs a binding.
   */
  public static Case unionsThatReadAsOptional() {
    CompiledTask take =
        task(
            "take", vars("l", union(list(INT), STRING), "opt", union(INT, NONE), "x", INT), vars());
    return new Case(
        "unions-that-read-as-optional",
        workflow("wf", vars(), vars())
            .addNodes(taskNode("n0", "take", bind("x", intData(1))))
            .build(),
        List.of(take));
  }

  /**
   * A launch plan node exposes required inputs and the optional ones it binds: {@code f} (with a
   * default) is bound here, {@code g} (with a default) is not and need not be.
   */
  public static Case launchPlanExposedInputs() {
    ParameterMap params =
        ParameterMap.newBuilder()
            .putParameters(
                "x", Parameter.newBuilder().setVar(variable(INT)).setRequired(true).build())
            .putParameters("f", Parameter.newBuilder().setVar(variable(INT)).build())
            .putParameters("g", Parameter.newBuilder().setVar(variable(INT)).build())
            .build();
    return new Case(
        "launch-plan-exposed-inputs",
        ErrorCases.wf(
            "n0", "o", launchPlanNode("n0", "lp", promise("x", "", "a"), bind("f", intData(2)))),
        List.of(),
        List.of(),
        List.of(new LaunchPlanInterface(launchPlanId("lp"), params, vars("o", INT))));
  }

  /** A launch plan node that does not bind a required input. */
  public static Case launchPlanMissingRequiredInput() {
    return new Case(
        "launch-plan-missing-required-input",
        ErrorCases.wf("n0", "o", launchPlanNode("n0", "lp", bind("f", intData(2)))),
        List.of(),
        List.of(),
        List.of(launchPlan("lp", vars("x", INT), vars("o", INT))));
  }

  /** Two sub-workflows calling each other: Flyte recurses until it crashes; we report a cycle. */
  public static Case subWorkflowCycle() {
    WorkflowTemplate a =
        workflow("a", vars("x", INT), vars("o", INT))
            .addNodes(subWorkflowNode("s0", "b", promise("x", "", "x")))
            .addOutputs(promise("o", "s0", "o"))
            .build();
    WorkflowTemplate b =
        workflow("b", vars("x", INT), vars("o", INT))
            .addNodes(subWorkflowNode("s0", "a", promise("x", "", "x")))
            .addOutputs(promise("o", "s0", "o"))
            .build();
    return new Case(
        "sub-workflow-cycle",
        ErrorCases.wf("n0", "o", subWorkflowNode("n0", "a", promise("x", "", "a"))),
        List.of(a, b),
        List.of(),
        List.of());
  }

  static Variable variable(flyteidl.core.Types.LiteralType type) {
    return Variable.newBuilder().setType(type).build();
  }

  static VariableMap none() {
    return VariableMap.getDefaultInstance();
  }

  /** The cases Flyte's own compiler can run (the cycle would crash it). */
  public static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    cases.add(duplicateNodeIds());
    cases.add(phantomUpstream());
    cases.add(onlyPhantomUpstream());
    cases.add(unsortedUpstreamIds());
    cases.add(unreferencedSubWorkflow());
    cases.add(taskInterfaceIsNormalised());
    cases.add(unionsThatReadAsOptional());
    cases.add(launchPlanExposedInputs());
    cases.add(launchPlanMissingRequiredInput());
    return cases;
  }
}
