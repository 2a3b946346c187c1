package org.flyte.admin.service.metrics;

import static org.flyte.admin.service.metrics.Spans.NODE_RESET;
import static org.flyte.admin.service.metrics.Spans.NODE_SETUP;
import static org.flyte.admin.service.metrics.Spans.NODE_TEARDOWN;
import static org.flyte.admin.service.metrics.Spans.NODE_TRANSITION;
import static org.flyte.admin.service.metrics.Spans.WORKFLOW_SETUP;
import static org.flyte.admin.service.metrics.Spans.WORKFLOW_TEARDOWN;
import static org.flyte.admin.service.metrics.Spans.before;
import static org.flyte.admin.service.metrics.Spans.created;
import static org.flyte.admin.service.metrics.Spans.latestUpstream;
import static org.flyte.admin.service.metrics.Spans.operation;
import static org.flyte.admin.service.metrics.Spans.updated;

import com.google.protobuf.Timestamp;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionList;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecution;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionList;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.Compiler.ConnectionSet;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Metrics.Span;
import flyteidl.core.Workflow.BranchNode;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flyte.admin.service.execution.ExecutionService;
import org.flyte.admin.service.nodeexecution.NodeExecutionService;
import org.flyte.admin.service.taskexecution.TaskExecutionService;
import org.flyte.admin.service.workflow.WorkflowService;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.jspecify.annotations.Nullable;

/**
 * The span tree of one GetExecutionMetrics request, built as Flyte's {@code MetricsManager} builds
 * it: the execution's span holds a WORKFLOW_SETUP span (creation to the start node's last update),
 * one span per node execution in creation order (each led by NODE_TRANSITION from its latest
 * upstream node), and WORKFLOW_TEARDOWN (the end node's latest upstream to the execution's last
 * update). Task nodes break down into NODE_SETUP, their attempts (TASK_SETUP / TASK_RUNTIME /
 * TASK_TEARDOWN, NODE_RESET between retries) and NODE_TEARDOWN; sub-workflows, branches, dynamic
 * nodes and launch plan nodes recurse into their children or child execution. {@code depth} bounds
 * the levels of reference spans: 0 is the execution's span alone, a negative depth has no bound.
 *
 * <p>Records that contradict their workflow's definition (Go: INTERNAL) are FAILED_PRECONDITION
 * with Go's message; so is a launch plan node whose child execution is one of its own ancestors,
 * when the tree would go on below it (Go repeats the cycle down to the depth, and without a depth
 * recurses until its stack overflows).
 */
final class SpanTree {

  /** Go's {@code RequestLimit}: the page size of every list the tree is built from. */
  static final int REQUEST_LIMIT = 50;

  static final String START_NODE = "start-node";
  static final String END_NODE = "end-node";

  private final ExecutionService executions;
  private final WorkflowService workflows;
  private final NodeExecutionService nodes;
  private final TaskExecutionService tasks;

  /** The executions whose spans are being built, outermost first. */
  private final Set<WorkflowExecutionIdentifier> open = new LinkedHashSet<>();

  SpanTree(
      ExecutionService executions,
      WorkflowService workflows,
      NodeExecutionService nodes,
      TaskExecutionService tasks) {
    this.executions = executions;
    this.workflows = workflows;
    this.nodes = nodes;
    this.tasks = tasks;
  }

  /** Go's {@code parseExecution}. */
  Span execution(Execution execution, int depth) {
    if (depth == 0) {
      return executionSpan(execution, depth); // a leaf: nothing below it is read
    }
    if (!open.add(execution.getId())) {
      throw inconsistent(
          "execution %s is launched by one of its own nodes", ProtoText.render(execution.getId()));
    }
    try {
      return executionSpan(execution, depth);
    } finally {
      open.remove(execution.getId());
    }
  }

  private Span executionSpan(Execution execution, int depth) {
    ExecutionClosure closure = execution.getClosure();
    Timestamp createdAt = closure.hasCreatedAt() ? closure.getCreatedAt() : null;
    Timestamp updatedAt = closure.hasUpdatedAt() ? closure.getUpdatedAt() : null;
    List<Span> spans = new ArrayList<>();
    if (depth != 0) {
      CompiledWorkflowClosure workflow = workflow(closure.getWorkflowId());
      Map<String, NodeExecution> children = nodeExecutions(execution.getId(), "");
      NodeExecution start = children.get(START_NODE);
      if (Spans.unset(updated(start))) {
        spans.add(operation(createdAt, updatedAt, WORKFLOW_SETUP));
      } else {
        spans.add(operation(createdAt, updated(start), WORKFLOW_SETUP));
        nodeExecutions(children, workflow, spans, depth - 1);
        NodeExecution last = latestUpstream(END_NODE, upstream(workflow), children);
        if (last != null && !before(updatedAt, updated(last))) {
          spans.add(operation(updated(last), updatedAt, WORKFLOW_TEARDOWN));
        }
      }
    }
    return Spans.reference(createdAt, updatedAt, spans).setWorkflowId(execution.getId()).build();
  }

  /** Go's {@code parseNodeExecutions}: the nodes of one (sub-)workflow in creation order. */
  private void nodeExecutions(
      Map<String, NodeExecution> children,
      CompiledWorkflowClosure workflow,
      List<Span> spans,
      int depth) {
    List<NodeExecution> sorted = new ArrayList<>(children.values());
    sorted.sort(Comparator.comparing(n -> Spans.orEpoch(created(n)), Spans.BY_TIME));
    for (NodeExecution child : sorted) {
      String specNodeId = child.getMetadata().getSpecNodeId();
      if (specNodeId.equals(START_NODE) || specNodeId.equals(END_NODE)) {
        continue;
      }
      Node node = null;
      for (Node candidate : workflow.getPrimary().getTemplate().getNodesList()) {
        if (candidate.getId().equals(specNodeId)) {
          node = candidate;
        }
      }
      if (node == null) {
        throw inconsistent(
            "failed to discover workflow node '%s' in workflow '%s'",
            specNodeId, ProtoText.render(workflow.getPrimary().getTemplate().getId()));
      }
      Span span = nodeExecution(child, node, depth);
      NodeExecution upstream = latestUpstream(specNodeId, upstream(workflow), children);
      if (upstream != null) {
        List<Span> led = new ArrayList<>();
        led.add(operation(updated(upstream), created(child), NODE_TRANSITION));
        led.addAll(span.getSpansList());
        span = span.toBuilder().clearSpans().addAllSpans(led).build();
      }
      spans.add(span);
    }
  }

  /** Go's {@code parseNodeExecution}: dispatches on the node's kind; other kinds stay bare. */
  private Span nodeExecution(NodeExecution execution, Node node, int depth) {
    List<Span> spans = new ArrayList<>();
    if (depth != 0) {
      switch (node.getTargetCase()) {
        case BRANCH_NODE -> branchNode(execution, node.getBranchNode(), spans, depth - 1);
        case GATE_NODE -> Spans.gateNode(execution, spans);
        case TASK_NODE -> {
          if (execution.getMetadata().getIsParentNode()) {
            dynamicNode(execution, spans, depth - 1);
          } else {
            taskNode(execution, spans, depth - 1);
          }
        }
        case WORKFLOW_NODE -> {
          switch (node.getWorkflowNode().getReferenceCase()) {
            case LAUNCHPLAN_REF -> launchPlanNode(execution, spans, depth - 1);
            case SUB_WORKFLOW_REF ->
                subWorkflowNode(
                    execution, node.getWorkflowNode().getSubWorkflowRef(), spans, depth - 1);
            default ->
                throw inconsistent(
                    "failed to identify workflow node type for node: %s",
                    ProtoText.render(node.getWorkflowNode()));
          }
        }
        default -> {
          // Go logs "unsupported node type" and keeps the node's span without a breakdown
        }
      }
    }
    return Spans.reference(created(execution), updated(execution), spans)
        .setNodeId(execution.getId())
        .build();
  }

  /** Go's {@code parseTaskNodeExecution}. */
  private void taskNode(NodeExecution execution, List<Span> spans, int depth) {
    List<TaskExecution> attempts = taskExecutions(execution);
    if (attempts.isEmpty()) {
      spans.add(operation(created(execution), updated(execution), NODE_SETUP));
      return;
    }
    // Go takes the first attempt in list order, before parseTaskExecutions sorts them
    spans.add(operation(created(execution), created(attempts.get(0)), NODE_SETUP));
    Spans.taskExecutions(attempts, spans, depth);
    TaskExecution last = attempts.get(attempts.size() - 1);
    if (!before(updated(execution), updated(last))) {
      spans.add(operation(updated(last), updated(execution), NODE_TEARDOWN));
    }
  }

  /** Go's {@code parseDynamicNodeExecution}: the parent task, then the generated workflow. */
  private void dynamicNode(NodeExecution execution, List<Span> spans, int depth) {
    List<TaskExecution> attempts = taskExecutions(execution);
    if (attempts.isEmpty()) {
      spans.add(operation(created(execution), updated(execution), NODE_SETUP));
      return;
    }
    spans.add(operation(created(execution), created(attempts.get(0)), NODE_SETUP));
    Spans.taskExecutions(attempts, spans, depth);
    Map<String, NodeExecution> children =
        nodeExecutions(execution.getId().getExecutionId(), execution.getId().getNodeId());
    TaskExecution last = attempts.get(attempts.size() - 1);
    if (children.isEmpty()) {
      if (!before(updated(execution), updated(last))) {
        spans.add(operation(updated(last), updated(execution), NODE_RESET));
      }
      return;
    }
    spans.add(operation(updated(last), updated(children.get(START_NODE)), NODE_RESET));
    CompiledWorkflowClosure generated =
        nodes
            .getData(NodeExecutionGetDataRequest.newBuilder().setId(execution.getId()).build())
            .getDynamicWorkflow()
            .getCompiledWorkflow();
    nodeExecutions(children, generated, spans, depth);
    NodeExecution lastChild = latestUpstream(END_NODE, upstream(generated), children);
    if (lastChild != null && !before(updated(execution), updated(lastChild))) {
      spans.add(operation(updated(lastChild), updated(execution), NODE_TEARDOWN));
    }
  }

  /** Go's {@code parseBranchNodeExecution}: the one case that ran. */
  private void branchNode(NodeExecution execution, BranchNode branch, List<Span> spans, int depth) {
    Map<String, NodeExecution> children =
        nodeExecutions(execution.getId().getExecutionId(), execution.getId().getNodeId());
    if (children.isEmpty()) {
      spans.add(operation(created(execution), updated(execution), NODE_SETUP));
      return;
    }
    if (children.size() != 1) {
      throw inconsistent(
          "invalid branch node execution: expected 1 but found %d node execution(s)",
          children.size());
    }
    NodeExecution chosen = children.values().iterator().next();
    Node node = caseNode(chosen.getMetadata().getSpecNodeId(), branch);
    if (node == null) {
      throw inconsistent(
          "failed to identify branch node final node definition for nodeID '%s' and branchNode"
              + " '%s'",
          chosen.getMetadata().getSpecNodeId(), ProtoText.render(branch));
    }
    spans.add(operation(created(execution), created(chosen), NODE_SETUP));
    spans.add(nodeExecution(chosen, node, depth));
    if (!before(updated(execution), updated(chosen))) {
      spans.add(operation(updated(chosen), updated(execution), NODE_TEARDOWN));
    }
  }

  /** Go's {@code getBranchNode}. */
  private static @Nullable Node caseNode(String nodeId, BranchNode branch) {
    if (branch.getIfElse().getCase().getThenNode().getId().equals(nodeId)) {
      return branch.getIfElse().getCase().getThenNode();
    }
    for (IfBlock other : branch.getIfElse().getOtherList()) {
      if (other.getThenNode().getId().equals(nodeId)) {
        return other.getThenNode();
      }
    }
    if (branch.getIfElse().hasElseNode()
        && branch.getIfElse().getElseNode().getId().equals(nodeId)) {
      return branch.getIfElse().getElseNode();
    }
    return null;
  }

  /** Go's {@code parseLaunchPlanNodeExecution}: the child execution's own tree. */
  private void launchPlanNode(NodeExecution execution, List<Span> spans, int depth) {
    if (!execution.getClosure().hasWorkflowNodeMetadata()) {
      spans.add(operation(created(execution), updated(execution), NODE_SETUP));
      return;
    }
    Execution child =
        executions.get(
            WorkflowExecutionGetRequest.newBuilder()
                .setId(execution.getClosure().getWorkflowNodeMetadata().getExecutionId())
                .build());
    ExecutionClosure closure = child.getClosure();
    Timestamp childCreated = closure.hasCreatedAt() ? closure.getCreatedAt() : null;
    Timestamp childUpdated = closure.hasUpdatedAt() ? closure.getUpdatedAt() : null;
    spans.add(operation(created(execution), childCreated, NODE_SETUP));
    spans.add(execution(child, depth));
    if (!before(updated(execution), childUpdated)) {
      spans.add(operation(childUpdated, updated(execution), NODE_TEARDOWN));
    }
  }

  /** Go's {@code parseSubworkflowNodeExecution}: the sub-workflow's nodes at the same depth. */
  private void subWorkflowNode(
      NodeExecution execution, Identifier subWorkflow, List<Span> spans, int depth) {
    Map<String, NodeExecution> children =
        nodeExecutions(execution.getId().getExecutionId(), execution.getId().getNodeId());
    if (children.isEmpty()) {
      spans.add(operation(created(execution), updated(execution), NODE_SETUP));
      return;
    }
    spans.add(operation(created(execution), updated(children.get(START_NODE)), NODE_SETUP));
    CompiledWorkflowClosure workflow = workflow(subWorkflow);
    nodeExecutions(children, workflow, spans, depth);
    NodeExecution last = latestUpstream(END_NODE, upstream(workflow), children);
    if (last != null && !before(updated(execution), updated(last))) {
      spans.add(operation(updated(last), updated(execution), NODE_TEARDOWN));
    }
  }

  private CompiledWorkflowClosure workflow(Identifier id) {
    return workflows
        .get(ObjectGetRequest.newBuilder().setId(id).build())
        .getClosure()
        .getCompiledWorkflow();
  }

  private static Map<String, ConnectionSet.IdList> upstream(CompiledWorkflowClosure workflow) {
    return workflow.getPrimary().getConnections().getUpstreamMap();
  }

  /**
   * Go's {@code getNodeExecutions}: every page of the top-level nodes ({@code parent} empty) or of
   * a node's children, keyed by spec node id (a later record of one spec node replaces an earlier
   * one, as in Go's map, keeping the first one's place).
   */
  private Map<String, NodeExecution> nodeExecutions(
      WorkflowExecutionIdentifier execution, String parent) {
    Map<String, NodeExecution> byNode = new LinkedHashMap<>();
    NodeExecutionListRequest.Builder request =
        NodeExecutionListRequest.newBuilder()
            .setWorkflowExecutionId(execution)
            .setLimit(REQUEST_LIMIT)
            .setUniqueParentId(parent);
    while (true) {
      NodeExecutionList page = nodes.list(request.build());
      page.getNodeExecutionsList()
          .forEach(node -> byNode.put(node.getMetadata().getSpecNodeId(), node));
      if (page.getNodeExecutionsCount() < REQUEST_LIMIT || page.getToken().isEmpty()) {
        return byNode;
      }
      request.setToken(page.getToken());
    }
  }

  /** Go's {@code getTaskExecutions}: every attempt of a node, in list order. */
  private List<TaskExecution> taskExecutions(NodeExecution node) {
    List<TaskExecution> attempts = new ArrayList<>();
    TaskExecutionListRequest.Builder request =
        TaskExecutionListRequest.newBuilder()
            .setNodeExecutionId(node.getId())
            .setLimit(REQUEST_LIMIT);
    while (true) {
      TaskExecutionList page = tasks.list(request.build());
      attempts.addAll(page.getTaskExecutionsList());
      if (page.getTaskExecutionsCount() < REQUEST_LIMIT || page.getToken().isEmpty()) {
        return attempts;
      }
      request.setToken(page.getToken());
    }
  }

  private static FlyteException inconsistent(String format, Object... args) {
    return new FlyteException(ErrorCode.FAILED_PRECONDITION, String.format(format, args));
  }
}
