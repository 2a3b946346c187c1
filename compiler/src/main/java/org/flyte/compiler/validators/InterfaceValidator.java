package org.flyte.compiler.validators;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Workflow.GateNode;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.CompilingNode;
import org.flyte.compiler.graph.EdgeDirection;
import org.flyte.compiler.graph.Identifiers;
import org.flyte.compiler.graph.LaunchPlanInterface;
import org.flyte.compiler.graph.SubWorkflowEntry;
import org.flyte.compiler.graph.TaskEntry;
import org.flyte.compiler.graph.WorkflowScope;

/**
 * Interfaces of workflows and nodes (Go: {@code validators/interface.go}, v1.16.8).
 *
 * <p>A node's interface comes from what it runs: the task's interface; a launch plan's expected
 * outputs and, as inputs, its required parameters plus any optional one the node binds; a
 * sub-workflow's interface; for a branch the outputs all cases share and inputs discovered from its
 * bindings; for an approve gate the bound values (in and out), for a signal gate one output of the
 * signal's type, for a sleep gate nothing; for an array node the interface of its sub-node,
 * verbatim.
 */
public final class InterfaceValidator {

  private static final TypedInterface EMPTY_INTERFACE =
      TypedInterface.newBuilder().setInputs(Variables.EMPTY).setOutputs(Variables.EMPTY).build();

  private InterfaceValidator() {}

  /**
   * Checks that every variable has a name and a type, and returns the interface with absent input
   * or output maps made empty (Go: {@code ValidateInterface}, which does that in place).
   */
  public static TypedInterface validateInterface(
      String nodeId, TypedInterface iface, CompileErrors errs) {
    TypedInterface normalised = iface;
    if (iface == null) {
      normalised = EMPTY_INTERFACE;
    } else if (!iface.hasInputs() || !iface.hasOutputs()) {
      TypedInterface.Builder b = iface.toBuilder();
      if (!b.hasInputs()) {
        b.setInputs(Variables.EMPTY);
      }
      if (!b.hasOutputs()) {
        b.setOutputs(Variables.EMPTY);
      }
      normalised = b.build();
    }
    validateVariables(nodeId, normalised.getInputs(), errs);
    validateVariables(nodeId, normalised.getOutputs(), errs);
    return normalised;
  }

  private static void validateVariables(String nodeId, VariableMap variables, CompileErrors errs) {
    variables
        .getVariablesMap()
        .forEach(
            (name, variable) -> {
              if (name.isEmpty()) {
                errs.collect(CompileError.valueRequired(nodeId, "paramName"));
              }
              if (!variable.hasType()) {
                errs.collect(CompileError.valueRequired(nodeId, "param.Type"));
              }
            });
  }

  /**
   * Resolves the interface of {@code node} and remembers it on the node when no error was found
   * (Go: {@code ValidateUnderlyingInterface}). Returns the interface found, possibly with errors.
   */
  public static TypedInterface underlyingInterface(
      WorkflowScope scope, CompilingNode node, CompileErrors errs) {
    if (node.iface() != null) {
      return node.iface();
    }
    int mark = errs.mark();
    Resolution resolution = new Resolution();
    Node.Builder n = node.node();
    switch (n.getTargetCase()) {
      case TASK_NODE -> taskInterface(scope, node, resolution, errs);
      case WORKFLOW_NODE -> workflowInterface(scope, node, n.getWorkflowNode(), resolution, errs);
      case BRANCH_NODE -> resolution.iface = BranchValidator.branchInterface(scope, node, errs);
      case GATE_NODE -> resolution.iface = gateInterface(scope, node, n.getGateNode(), errs);
      case ARRAY_NODE -> {
        Node.Builder subNode =
            n.getArrayNode().hasNode()
                ? n.getArrayNodeBuilder().getNodeBuilder()
                : Node.newBuilder();
        CompilingNode sub = scope.wrap(subNode);
        int subMark = errs.mark();
        TypedInterface subIface = underlyingInterface(scope, sub, errs);
        if (!errs.hasErrorsSince(subMark)) {
          resolution.iface = subIface;
        } else if (sub.unresolvedReference()) {
          node.markUnresolvedReference();
        }
      }
      case TARGET_NOT_SET -> errs.collect(CompileError.valueRequired(node.id(), "Target"));
    }
    TypedInterface iface = resolution.iface;
    if (iface != null) {
      iface = validateInterface(node.id(), iface, errs);
      if (resolution.normalised != null) {
        resolution.normalised.accept(iface);
      }
    }
    if (!errs.hasErrorsSince(mark)) {
      node.setIface(iface);
    }
    return iface;
  }

  /** What a target resolved to, and where Flyte's in-place normalisation of it shows. */
  private static final class Resolution {
    TypedInterface iface;
    Consumer<TypedInterface> normalised;
  }

  private static void taskInterface(
      WorkflowScope scope, CompilingNode node, Resolution resolution, CompileErrors errs) {
    if (!node.node().getTaskNode().hasReferenceId()) {
      errs.collect(CompileError.valueRequired(node.id(), "TaskNode.ReferenceId"));
      return;
    }
    Identifier id = node.node().getTaskNode().getReferenceId();
    TaskEntry task = scope.task(id);
    if (task == null) {
      errs.collect(CompileError.taskReferenceNotFound(node.id(), Identifiers.key(id)));
      node.markUnresolvedReference();
    } else if (task.template().hasInterface()) {
      resolution.iface = task.template().getInterface();
      resolution.normalised = task::normaliseInterface;
    } else {
      resolution.iface = EMPTY_INTERFACE;
    }
  }

  private static void workflowInterface(
      WorkflowScope scope,
      CompilingNode node,
      WorkflowNode workflowNode,
      Resolution resolution,
      CompileErrors errs) {
    Identifier launchPlanRef =
        workflowNode.hasLaunchplanRef() ? workflowNode.getLaunchplanRef() : null;
    Identifier subWorkflowRef =
        workflowNode.hasSubWorkflowRef() ? workflowNode.getSubWorkflowRef() : null;
    Identifier ownId = scope.hasWorkflowId() ? scope.workflowId() : null;
    if (java.util.Objects.equals(launchPlanRef, ownId)) {
      resolution.iface = scope.workflowInterface();
      if (resolution.iface == null) {
        errs.collect(CompileError.valueRequired(node.id(), "WorkflowNode.Interface"));
      }
    } else if (launchPlanRef != null) {
      LaunchPlanInterface launchPlan = scope.launchPlan(launchPlanRef);
      if (launchPlan == null) {
        errs.collect(
            CompileError.workflowReferenceNotFound(node.id(), Identifiers.key(launchPlanRef)));
        node.markUnresolvedReference();
        return;
      }
      resolution.iface = launchPlanInterface(node, launchPlan, errs);
    } else if (subWorkflowRef != null) {
      SubWorkflowEntry subWorkflow = scope.subWorkflow(subWorkflowRef);
      if (subWorkflow == null) {
        errs.collect(
            CompileError.workflowReferenceNotFound(node.id(), Identifiers.key(subWorkflowRef)));
        node.markUnresolvedReference();
      } else if (!subWorkflow.template().hasInterface()) {
        errs.collect(CompileError.valueRequired(node.id(), "WorkflowNode.Template.Interface"));
      } else {
        resolution.iface = subWorkflow.template().getInterface();
        resolution.normalised = subWorkflow::normaliseInterface;
      }
    } else {
      errs.collect(
          CompileError.workflowReferenceNotFound(
              node.id(), Identifiers.key(launchPlanRef) + "/" + Identifiers.key(subWorkflowRef)));
    }
  }

  private static TypedInterface launchPlanInterface(
      CompilingNode node, LaunchPlanInterface launchPlan, CompileErrors errs) {
    ParameterMap inputs = launchPlan.expectedInputs();
    VariableMap outputs = launchPlan.expectedOutputs();
    if (inputs == null) {
      errs.collect(CompileError.valueRequired(node.id(), "WorkflowNode.ExpectedInputs"));
    }
    if (outputs == null) {
      errs.collect(CompileError.valueRequired(node.id(), "WorkflowNode.ExpectedOutputs"));
    }
    Map<String, Variable> exposed = new HashMap<>();
    if (inputs != null) {
      for (Map.Entry<String, Parameter> e : inputs.getParametersMap().entrySet()) {
        Parameter p = e.getValue();
        if (p.getRequired()
            || Variables.containsBinding(node.node().getInputsBuilderList(), e.getKey())) {
          exposed.put(e.getKey(), p.getVar());
        }
      }
    }
    TypedInterface.Builder iface = TypedInterface.newBuilder().setInputs(Variables.map(exposed));
    if (outputs != null) {
      iface.setOutputs(outputs);
    }
    return iface.build();
  }

  private static TypedInterface gateInterface(
      WorkflowScope scope, CompilingNode node, GateNode gate, CompileErrors errs) {
    switch (gate.getConditionCase()) {
      case APPROVE -> {
        VariableMap passed =
            BindingValidator.validateBindings(
                scope,
                node,
                node.node().getInputsBuilderList(),
                Variables.EMPTY,
                false,
                EdgeDirection.UPSTREAM,
                errs);
        return TypedInterface.newBuilder().setInputs(passed).setOutputs(passed).build();
      }
      case SIGNAL -> {
        if (!gate.getSignal().hasType()) {
          errs.collect(CompileError.valueRequired(node.id(), "GateNode.Signal.Type"));
          return null;
        }
        if (gate.getSignal().getOutputVariableName().isEmpty()) {
          errs.collect(CompileError.valueRequired(node.id(), "GateNode.Signal.OutputVariableName"));
          return null;
        }
        Variable output = Variable.newBuilder().setType(gate.getSignal().getType()).build();
        return TypedInterface.newBuilder()
            .setInputs(Variables.EMPTY)
            .setOutputs(
                VariableMap.newBuilder()
                    .putVariables(gate.getSignal().getOutputVariableName(), output))
            .build();
      }
      case SLEEP -> {
        return EMPTY_INTERFACE;
      }
      default -> {
        errs.collect(CompileError.noConditionFound(node.id()));
        return null;
      }
    }
  }
}
