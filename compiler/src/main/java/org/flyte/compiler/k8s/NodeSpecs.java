package org.flyte.compiler.k8s;

import com.google.protobuf.util.Durations;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Tasks.Resources;
import flyteidl.core.Tasks.Resources.ResourceEntry;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.ArrayNode;
import flyteidl.core.Workflow.BranchNode;
import flyteidl.core.Workflow.GateNode;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.TaskNodeOverrides;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flyte.compiler.Quantity;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileErrors;
import org.flyte.compiler.graph.Identifiers;
import org.flyte.compiler.k8s.model.ArrayNodeSpec;
import org.flyte.compiler.k8s.model.BranchNodeSpec;
import org.flyte.compiler.k8s.model.GateNodeSpec;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.compiler.k8s.model.ResourceRequirements;
import org.flyte.compiler.k8s.model.RetryStrategy;
import org.flyte.compiler.k8s.model.WorkflowNodeSpec;

/**
 * The nodes of a custom resource from compiled workflow nodes, as {@code buildNodeSpec} and its
 * helpers of {@code flytepropeller/pkg/compiler/transformers/k8s/node.go} and {@code utils.go}
 * (v1.16.8): a branch node brings its then / else nodes along as nodes of the same graph.
 */
final class NodeSpecs {

  private static final String START_NODE = "start-node";
  private static final String END_NODE = "end-node";

  private final Map<String, TaskTemplate> tasks = new LinkedHashMap<>();
  private final CompileErrors errors;

  NodeSpecs(List<CompiledTask> compiledTasks, CompileErrors errors) {
    for (CompiledTask task : compiledTasks) {
      tasks.putIfAbsent(Identifiers.key(task.getTemplate().getId()), task.getTemplate());
    }
    this.errors = errors;
  }

  /** Every node of {@code nodes} by id, branch children included; null when one failed. */
  Map<String, NodeSpec> buildAll(List<Node> nodes) {
    Map<String, NodeSpec> out = new TreeMap<>();
    for (Node node : nodes) {
      List<NodeSpec> specs = build(node);
      if (specs == null) {
        return null;
      }
      for (NodeSpec spec : specs) {
        NodeSpec existing = out.get(spec.id());
        if (existing != null && !existing.equals(spec)) {
          errors.collect(
              CompileError.valueCollision(
                  node.getId(), "node " + spec.id() + " differs from an earlier one", spec.id()));
        }
        out.put(spec.id(), spec);
      }
    }
    return errors.hasErrors() ? null : out;
  }

  /** The node and, for a branch, its children, the node first; null when it failed. */
  List<NodeSpec> build(Node n) {
    if (n == null) {
      errors.collect(CompileError.valueRequired("root", "node"));
      return null;
    }
    String id = n.getId();
    if (!id.equals(START_NODE)
        && !id.equals(END_NODE)
        && n.getTargetCase() == Node.TargetCase.TARGET_NOT_SET) {
      errors.collect(CompileError.valueRequired(id, "target"));
      return null;
    }
    NodeSpec.Builder spec = NodeSpec.builder(id);
    TaskTemplate task = null;
    Resources resources = null;
    if (n.hasTaskNode()) {
      String taskId = Identifiers.key(n.getTaskNode().getReferenceId());
      task = tasks.get(taskId);
      if (task == null) {
        errors.collect(CompileError.taskReferenceNotFound(id, taskId));
        return null;
      }
      if (n.getTaskNode().hasOverrides()) {
        TaskNodeOverrides overrides = n.getTaskNode().getOverrides();
        if (overrides.hasResources()) {
          resources = overrides.getResources();
        }
        if (overrides.hasExtendedResources()) {
          spec.extendedResources(overrides.getExtendedResources());
        }
        spec.containerImage(overrides.getContainerImage());
        if (overrides.hasPodTemplate()) {
          spec.podTemplate(overrides.getPodTemplate());
        }
      }
    }
    try {
      spec.resources(resourceRequirements(resources));
    } catch (IllegalArgumentException e) {
      errors.collect(
          CompileError.workflowBuildError(
              "Failed to parse resource as a valid quantity.: " + e.getMessage()));
      return null;
    }
    if (n.hasMetadata() && n.getMetadata().hasTimeout()) {
      if (!Durations.isValid(n.getMetadata().getTimeout())) {
        errors.collect(CompileError.syntaxError(id, "node:metadata:timeout"));
        return null;
      }
      Duration timeout =
          Duration.ofSeconds(
              n.getMetadata().getTimeout().getSeconds(), n.getMetadata().getTimeout().getNanos());
      spec.executionDeadline(timeout).activeDeadline(timeout.multipliedBy(2));
    }
    if (n.hasMetadata()) {
      if (n.getMetadata().hasInterruptible()) {
        spec.interruptible(n.getMetadata().getInterruptible());
      }
      spec.name(n.getMetadata().getName());
    }
    spec.retry(retryStrategy(n, task));
    if (n.getOutputAliasesCount() > 0) {
      spec.outputAliases(n.getOutputAliasesList());
    }
    if (n.getInputsCount() > 0) {
      spec.inputBindings(n.getInputsList());
    }
    switch (n.getTargetCase()) {
      case TASK_NODE ->
          spec.kind(NodeKind.TASK).taskRef(Identifiers.key(n.getTaskNode().getReferenceId()));
      case WORKFLOW_NODE -> {
        switch (n.getWorkflowNode().getReferenceCase()) {
          case LAUNCHPLAN_REF ->
              spec.kind(NodeKind.WORKFLOW)
                  .workflow(new WorkflowNodeSpec(n.getWorkflowNode().getLaunchplanRef(), null));
          case SUB_WORKFLOW_REF ->
              spec.kind(NodeKind.WORKFLOW)
                  .workflow(
                      new WorkflowNodeSpec(
                          null, Identifiers.key(n.getWorkflowNode().getSubWorkflowRef())));
          default -> {
            errors.collect(CompileError.valueRequired(id, "WorkflowNode.Reference"));
            return null;
          }
        }
      }
      case BRANCH_NODE -> {
        List<NodeSpec> children = new ArrayList<>();
        BranchNodeSpec branch = branch(n.getBranchNode(), children);
        if (branch == null) {
          return null;
        }
        List<NodeSpec> out = new ArrayList<>();
        out.add(spec.kind(NodeKind.BRANCH).branch(branch).build());
        out.addAll(children);
        return out;
      }
      case GATE_NODE -> spec.kind(NodeKind.GATE).gate(gate(n.getGateNode()));
      case ARRAY_NODE -> {
        ArrayNode array = n.getArrayNode();
        List<NodeSpec> sub = build(array.getNode());
        if (sub == null) {
          return null;
        }
        spec.kind(NodeKind.ARRAY)
            .array(
                new ArrayNodeSpec(
                    sub.get(0),
                    array.getParallelismOptionCase() == ArrayNode.ParallelismOptionCase.PARALLELISM
                        ? Integer.toUnsignedLong(array.getParallelism())
                        : null,
                    array.getSuccessCriteriaCase() == ArrayNode.SuccessCriteriaCase.MIN_SUCCESSES
                        ? Integer.toUnsignedLong(array.getMinSuccesses())
                        : null,
                    array.getSuccessCriteriaCase()
                            == ArrayNode.SuccessCriteriaCase.MIN_SUCCESS_RATIO
                        ? array.getMinSuccessRatio()
                        : null,
                    array.getBoundInputsCount() == 0 ? null : array.getBoundInputsList()));
      }
      default -> {
        if (id.equals(START_NODE)) {
          spec.kind(NodeKind.START);
        } else if (id.equals(END_NODE)) {
          spec.kind(NodeKind.END);
        }
      }
    }
    return List.of(spec.build());
  }

  private BranchNodeSpec branch(BranchNode branch, List<NodeSpec> children) {
    org.flyte.compiler.k8s.model.IfBlock first = ifBlock(branch.getIfElse().getCase(), children);
    if (first == null) {
      return null;
    }
    String elseNode = null;
    flyteidl.core.Types.Error elseFail = null;
    switch (branch.getIfElse().getDefaultCase()) {
      case ELSE_NODE -> {
        List<NodeSpec> specs = build(branch.getIfElse().getElseNode());
        if (specs == null) {
          return null;
        }
        children.addAll(specs);
        elseNode = branch.getIfElse().getElseNode().getId();
      }
      case ERROR -> elseFail = branch.getIfElse().getError();
      default -> {}
    }
    List<org.flyte.compiler.k8s.model.IfBlock> others = new ArrayList<>();
    for (IfBlock block : branch.getIfElse().getOtherList()) {
      others.add(ifBlock(block, children));
    }
    return new BranchNodeSpec(first, others, elseNode, elseFail);
  }

  private org.flyte.compiler.k8s.model.IfBlock ifBlock(IfBlock block, List<NodeSpec> children) {
    List<NodeSpec> specs = build(block.getThenNode());
    if (specs == null) {
      return null;
    }
    children.addAll(specs);
    return new org.flyte.compiler.k8s.model.IfBlock(
        block.getCondition(), block.getThenNode().getId());
  }

  private static GateNodeSpec gate(GateNode gate) {
    return switch (gate.getConditionCase()) {
      case APPROVE -> new GateNodeSpec("approve", gate.getApprove(), null, null);
      case SIGNAL -> new GateNodeSpec("signal", null, gate.getSignal(), null);
      case SLEEP -> new GateNodeSpec("sleep", null, null, gate.getSleep());
      default -> null;
    };
  }

  /** {@code computeRetryStrategy}: the node's retries, else the task's, plus one; null for none. */
  private static RetryStrategy retryStrategy(Node n, TaskTemplate task) {
    if (n.hasMetadata()
        && n.getMetadata().hasRetries()
        && n.getMetadata().getRetries().getRetries() != 0) {
      return new RetryStrategy(n.getMetadata().getRetries().getRetries() + 1);
    }
    if (task != null
        && task.hasMetadata()
        && task.getMetadata().hasRetries()
        && task.getMetadata().getRetries().getRetries() != 0) {
      return new RetryStrategy(task.getMetadata().getRetries().getRetries() + 1);
    }
    return null;
  }

  /** {@code flytek8s.ToK8sResourceRequirements}: non-zero quantities by Kubernetes name. */
  static ResourceRequirements resourceRequirements(Resources resources) {
    if (resources == null) {
      return ResourceRequirements.NONE;
    }
    return new ResourceRequirements(
        resourceList(resources.getLimitsList()), resourceList(resources.getRequestsList()), null);
  }

  private static Map<String, String> resourceList(List<ResourceEntry> entries) {
    Map<String, String> out = new TreeMap<>();
    for (ResourceEntry entry : entries) {
      Quantity quantity = Quantity.parse(entry.getValue());
      String name =
          switch (entry.getName()) {
            case CPU -> "cpu";
            case MEMORY -> "memory";
            case GPU -> "nvidia.com/gpu";
            case EPHEMERAL_STORAGE -> "ephemeral-storage";
            default -> null;
          };
      if (name != null && !quantity.isZero()) {
        out.put(name, quantity.canonical());
      }
    }
    return out;
  }
}
