package org.flyte.admin.api;

import com.google.protobuf.Timestamp;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetMetricsRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetMetricsResponse;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Catalog.CatalogCacheStatus;
import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.Condition.ComparisonExpression;
import flyteidl.core.Condition.Operand;
import flyteidl.core.Execution.NodeExecution.Phase;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Metrics.Span;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Workflow.BranchNode;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowMetadata;
import flyteidl.core.Workflow.WorkflowNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import flyteidl.event.Event.TaskNodeMetadata;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixtures of the GetExecutionMetrics tests: a run replayed as FlytePropeller reports it
 * ({@link PropellerReplayer}): a workflow of a task retried once ({@code n0}), a cache hit ({@code
 * n1}), a sub-workflow ({@code n2}) and a branch ({@code n3}); another of a dynamic node, a launch
 * plan node and a gate node. The expected spans are derived from the event times by the rules of
 * Flyte's {@code metrics_manager.go} (v1.16.8): node spans run from the first event's {@code
 * occurred_at} to the last one's {@code reported_at} (the replayer reports 5ns after), task spans
 * from the first event's to the last one's {@code occurred_at}, the execution's from its creation
 * to its last event.
 */
abstract class ExecutionMetricsFixtures extends ExecutionFixtures {

  static final int NS = 5;

  Identifier sub;
  WorkflowExecutionIdentifier id;
  PropellerReplayer propeller;
  Timestamp created;

  /** The event times of the replayed run, t[1] the first. */
  final Instant[] t = new Instant[36];

  int events;

  @BeforeEach
  void registerAndLaunch() {
    sub = workflowId("sub", "v1");
    WorkflowTemplate subTemplate =
        template(sub)
            .addNodes(taskNode("n0", "start-node", "x"))
            .addOutputs(promise("o0", "n0", "o0"))
            .build();
    admin.createWorkflow(workflowRequest(sub, subTemplate));
    Identifier parent = workflowId("metrics", "v1");
    // flytekit names a branch's cases n0, n1, ...; the compiler prefixes them with the branch's id
    // (n3-n0), the spec node id propeller then reports for the case it runs
    Node branch =
        Node.newBuilder()
            .setId("n3")
            .setMetadata(NodeMetadata.newBuilder().setName("branch"))
            .addInputs(promise("n2.o0", "n2", "o0"))
            .setBranchNode(
                BranchNode.newBuilder()
                    .setIfElse(
                        IfElseBlock.newBuilder()
                            .setCase(
                                IfBlock.newBuilder()
                                    .setCondition(
                                        BooleanExpression.newBuilder()
                                            .setComparison(
                                                ComparisonExpression.newBuilder()
                                                    .setOperator(ComparisonExpression.Operator.EQ)
                                                    .setLeftValue(
                                                        Operand.newBuilder().setVar("n2.o0"))
                                                    .setRightValue(
                                                        Operand.newBuilder()
                                                            .setPrimitive(
                                                                Primitive.newBuilder()
                                                                    .setInteger(1)))))
                                    .setThenNode(taskNode("n0", "n2", "o0")))
                            .setElseNode(taskNode("n1", "n2", "o0"))))
            .build();
    WorkflowTemplate parentTemplate =
        template(parent)
            .addNodes(taskNode("n0", "start-node", "x"))
            .addNodes(taskNode("n1", "n0", "o0"))
            .addNodes(
                Node.newBuilder()
                    .setId("n2")
                    .setMetadata(NodeMetadata.newBuilder().setName("sub"))
                    .addInputs(promise("x", "n1", "o0"))
                    .setWorkflowNode(WorkflowNode.newBuilder().setSubWorkflowRef(sub)))
            .addNodes(branch)
            .addOutputs(promise("o0", "n3", "o0"))
            .build();
    admin.createWorkflow(
        WorkflowCreateRequest.newBuilder()
            .setId(parent)
            .setSpec(
                WorkflowSpec.newBuilder().setTemplate(parentTemplate).addSubWorkflows(subTemplate))
            .build());
    workflow = parent;
    Identifier plan = registerLaunchPlan("metrics", Map.of(), LaunchPlanSpec.newBuilder());
    id = create(request(plan, Map.of("x", integerLiteral(1))).setName("metrics"));
    created = get(id).getClosure().getCreatedAt();
    propeller = new PropellerReplayer(admin, id, Instant.ofEpochSecond(created.getSeconds() + 10));
  }

  WorkflowTemplate.Builder template(Identifier workflowId) {
    VariableMap ints =
        VariableMap.newBuilder()
            .putVariables("x", Variable.newBuilder().setType(integer()).build())
            .build();
    return WorkflowTemplate.newBuilder()
        .setId(workflowId)
        .setMetadata(WorkflowMetadata.getDefaultInstance())
        .setInterface(
            TypedInterface.newBuilder()
                .setInputs(ints)
                .setOutputs(
                    VariableMap.newBuilder()
                        .putVariables("o0", Variable.newBuilder().setType(integer()).build())));
  }

  Node taskNode(String nodeId, String upstream, String var) {
    return Node.newBuilder()
        .setId(nodeId)
        .setMetadata(NodeMetadata.newBuilder().setName("t"))
        .addInputs(promise("x", upstream, var))
        .setTaskNode(TaskNode.newBuilder().setReferenceId(task))
        .build();
  }

  static Binding promise(String var, String node, String output) {
    return Binding.newBuilder()
        .setVar(var)
        .setBinding(
            BindingData.newBuilder()
                .setPromise(OutputReference.newBuilder().setNodeId(node).setVar(output)))
        .build();
  }

  /** Sends one event through {@code send} and records its time as the next {@code t[i]}. */
  void at(Runnable send) {
    send.run();
    t[++events] = propeller.now();
  }

  void replay() {
    at(() -> propeller.workflow(WorkflowExecution.Phase.RUNNING)); // t1
    at(() -> propeller.startNode()); // t2
    // n0: attempt 0 fails and is retried, attempt 1 succeeds
    at(() -> propeller.node("n0", Phase.QUEUED)); // t3
    at(() -> propeller.node("n0", Phase.RUNNING)); // t4
    at(() -> propeller.task(taskEvent("n0", 0, TaskExecution.Phase.QUEUED))); // t5
    at(() -> propeller.task(taskEvent("n0", 0, TaskExecution.Phase.RUNNING))); // t6
    at(() -> propeller.task(taskEvent("n0", 0, TaskExecution.Phase.RETRYABLE_FAILED))); // t7
    at(() -> propeller.task(taskEvent("n0", 1, TaskExecution.Phase.QUEUED))); // t8
    at(() -> propeller.task(taskEvent("n0", 1, TaskExecution.Phase.RUNNING))); // t9
    at(() -> propeller.task(taskSucceeded("n0", 1))); // t10
    at(() -> propeller.nodeSucceeded("n0", "n0", null)); // t11
    // n1: a cache hit, no task execution
    at(() -> propeller.node("n1", Phase.QUEUED)); // t12
    at(
        () ->
            propeller.node(
                propeller
                    .nodeEvent("n1", Phase.SUCCEEDED)
                    .setOutputUri(propeller.outputs("n1", 0))
                    .setTaskNodeMetadata(
                        TaskNodeMetadata.newBuilder()
                            .setCacheStatus(CatalogCacheStatus.CACHE_HIT)))); // t13
    // n2: the sub-workflow, its start node and task node as children
    at(() -> propeller.node(propeller.nodeEvent("n2", Phase.QUEUED).setIsParent(true))); // t14
    at(() -> propeller.node(propeller.nodeEvent("n2", Phase.RUNNING).setIsParent(true))); // t15
    at(
        () ->
            propeller.node(
                propeller.nodeEvent(
                    "n2-0-start-node", "start-node", "n2", Phase.SUCCEEDED))); // t16
    at(() -> propeller.node(propeller.nodeEvent("n2-0-n0", "n0", "n2", Phase.QUEUED))); // t17
    at(() -> propeller.node(propeller.nodeEvent("n2-0-n0", "n0", "n2", Phase.RUNNING))); // t18
    at(() -> propeller.task(taskEvent("n2-0-n0", 0, TaskExecution.Phase.QUEUED))); // t19
    at(() -> propeller.task(taskEvent("n2-0-n0", 0, TaskExecution.Phase.RUNNING))); // t20
    at(() -> propeller.task(taskSucceeded("n2-0-n0", 0))); // t21
    at(() -> propeller.nodeSucceeded("n2-0-n0", "n0", "n2")); // t22
    at(
        () ->
            propeller.node(
                propeller
                    .nodeEvent("n2", Phase.SUCCEEDED)
                    .setIsParent(true)
                    .setOutputUri(propeller.outputs("n2", 0)))); // t23
    // n3: the branch runs its first case n3-n0
    at(() -> propeller.node("n3", Phase.QUEUED)); // t24
    at(() -> propeller.node("n3", Phase.RUNNING)); // t25
    at(() -> propeller.node(propeller.nodeEvent("n3-0-n3-n0", "n3-n0", "n3", Phase.QUEUED))); // t26
    at(
        () ->
            propeller.node(propeller.nodeEvent("n3-0-n3-n0", "n3-n0", "n3", Phase.RUNNING))); // t27
    at(() -> propeller.task(taskEvent("n3-0-n3-n0", 0, TaskExecution.Phase.QUEUED))); // t28
    at(() -> propeller.task(taskEvent("n3-0-n3-n0", 0, TaskExecution.Phase.RUNNING))); // t29
    at(() -> propeller.task(taskSucceeded("n3-0-n3-n0", 0))); // t30
    at(() -> propeller.nodeSucceeded("n3-0-n3-n0", "n3-n0", "n3")); // t31
    at(() -> propeller.nodeSucceeded("n3", "n3", null)); // t32
    at(
        () ->
            propeller.node(
                propeller
                    .nodeEvent("end-node", Phase.SUCCEEDED)
                    .setOutputUri(propeller.outputs("end-node", 0)))); // t33
    at(() -> propeller.workflow(WorkflowExecution.Phase.SUCCEEDING)); // t34
    at(() -> propeller.workflowSucceeded()); // t35
  }

  flyteidl.event.Event.TaskExecutionEvent.Builder taskEvent(
      String nodeId, int attempt, TaskExecution.Phase phase) {
    return propeller.taskEvent(task, nodeId, attempt, phase, 0);
  }

  flyteidl.event.Event.TaskExecutionEvent.Builder taskSucceeded(String nodeId, int attempt) {
    return taskEvent(nodeId, attempt, TaskExecution.Phase.SUCCEEDED)
        .setOutputUri(propeller.outputs(nodeId, attempt));
  }

  WorkflowExecutionGetMetricsResponse metrics(int depth) {
    return admin.getExecutionMetrics(
        WorkflowExecutionGetMetricsRequest.newBuilder().setId(id).setDepth(depth).build());
  }

  // expected spans, by the rules of metrics_manager.go

  /** The time event {@code i} occurred. */
  Timestamp o(int i) {
    return Timestamp.newBuilder().setSeconds(t[i].getEpochSecond()).build();
  }

  /** The time node event {@code i} was reported (the replayer: 5ns after it occurred). */
  Timestamp r(int i) {
    return o(i).toBuilder().setNanos(NS).build();
  }

  static Span op(Timestamp start, Timestamp end, String operation) {
    return Span.newBuilder().setStartTime(start).setEndTime(end).setOperationId(operation).build();
  }

  Span node(String nodeId, Timestamp start, Timestamp end, Span... spans) {
    return Span.newBuilder()
        .setStartTime(start)
        .setEndTime(end)
        .setNodeId(propeller.nodeId(nodeId))
        .addAllSpans(java.util.List.of(spans))
        .build();
  }

  /** A successful attempt: QUEUED at q, RUNNING at q+1, SUCCEEDED at q+2 (duration 1s). */
  Span succeededAttempt(String nodeId, int attempt, int q) {
    return Span.newBuilder()
        .setStartTime(o(q))
        .setEndTime(o(q + 2))
        .setTaskId(taskExecutionId(nodeId, attempt))
        .addSpans(op(o(q), o(q + 1), "TASK_SETUP"))
        .addSpans(op(o(q + 1), o(q + 2), "TASK_RUNTIME"))
        .addSpans(op(o(q + 2), o(q + 2), "TASK_TEARDOWN"))
        .build();
  }

  TaskExecutionIdentifier taskExecutionId(String nodeId, int attempt) {
    return TaskExecutionIdentifier.newBuilder()
        .setTaskId(task)
        .setNodeExecutionId(propeller.nodeId(nodeId))
        .setRetryAttempt(attempt)
        .build();
  }
}
