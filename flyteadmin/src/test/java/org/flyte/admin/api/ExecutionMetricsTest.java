package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import flyteidl.admin.ExecutionOuterClass.Execution;
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
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GetExecutionMetrics over a run replayed as FlytePropeller reports it ({@link PropellerReplayer}):
 * a workflow of a task retried once ({@code n0}), a cache hit ({@code n1}), a sub-workflow ({@code
 * n2}) and a branch ({@code n3}); another of a dynamic node, a launch plan node and a gate node.
 * The expected spans are derived from the event times by the rules of Flyte's {@code
 * metrics_manager.go} (v1.16.8): node spans run from the first event's {@code occurred_at} to the
 * last one's {@code reported_at} (the replayer reports 5ns after), task spans from the first
 * event's to the last one's {@code occurred_at}, the execution's from its creation to its last
 * event.
 */
class ExecutionMetricsTest extends ExecutionFixtures {

  private static final int NS = 5;

  private Identifier sub;
  private WorkflowExecutionIdentifier id;
  private PropellerReplayer propeller;
  private Timestamp created;

  /** The event times of the replayed run, t[1] the first. */
  private final Instant[] t = new Instant[36];

  private int events;

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

  private WorkflowTemplate.Builder template(Identifier workflowId) {
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

  private Node taskNode(String nodeId, String upstream, String var) {
    return Node.newBuilder()
        .setId(nodeId)
        .setMetadata(NodeMetadata.newBuilder().setName("t"))
        .addInputs(promise("x", upstream, var))
        .setTaskNode(TaskNode.newBuilder().setReferenceId(task))
        .build();
  }

  private static Binding promise(String var, String node, String output) {
    return Binding.newBuilder()
        .setVar(var)
        .setBinding(
            BindingData.newBuilder()
                .setPromise(OutputReference.newBuilder().setNodeId(node).setVar(output)))
        .build();
  }

  /** Sends one event through {@code send} and records its time as the next {@code t[i]}. */
  private void at(Runnable send) {
    send.run();
    t[++events] = propeller.now();
  }

  private void replay() {
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

  private flyteidl.event.Event.TaskExecutionEvent.Builder taskEvent(
      String nodeId, int attempt, TaskExecution.Phase phase) {
    return propeller.taskEvent(task, nodeId, attempt, phase, 0);
  }

  private flyteidl.event.Event.TaskExecutionEvent.Builder taskSucceeded(
      String nodeId, int attempt) {
    return taskEvent(nodeId, attempt, TaskExecution.Phase.SUCCEEDED)
        .setOutputUri(propeller.outputs(nodeId, attempt));
  }

  private WorkflowExecutionGetMetricsResponse metrics(int depth) {
    return admin.getExecutionMetrics(
        WorkflowExecutionGetMetricsRequest.newBuilder().setId(id).setDepth(depth).build());
  }

  // expected spans, by the rules of metrics_manager.go

  /** The time event {@code i} occurred. */
  private Timestamp o(int i) {
    return Timestamp.newBuilder().setSeconds(t[i].getEpochSecond()).build();
  }

  /** The time node event {@code i} was reported (the replayer: 5ns after it occurred). */
  private Timestamp r(int i) {
    return o(i).toBuilder().setNanos(NS).build();
  }

  private static Span op(Timestamp start, Timestamp end, String operation) {
    return Span.newBuilder().setStartTime(start).setEndTime(end).setOperationId(operation).build();
  }

  private Span node(String nodeId, Timestamp start, Timestamp end, Span... spans) {
    return Span.newBuilder()
        .setStartTime(start)
        .setEndTime(end)
        .setNodeId(propeller.nodeId(nodeId))
        .addAllSpans(java.util.List.of(spans))
        .build();
  }

  /** A successful attempt: QUEUED at q, RUNNING at q+1, SUCCEEDED at q+2 (duration 1s). */
  private Span succeededAttempt(String nodeId, int attempt, int q) {
    return Span.newBuilder()
        .setStartTime(o(q))
        .setEndTime(o(q + 2))
        .setTaskId(taskExecutionId(nodeId, attempt))
        .addSpans(op(o(q), o(q + 1), "TASK_SETUP"))
        .addSpans(op(o(q + 1), o(q + 2), "TASK_RUNTIME"))
        .addSpans(op(o(q + 2), o(q + 2), "TASK_TEARDOWN"))
        .build();
  }

  private TaskExecutionIdentifier taskExecutionId(String nodeId, int attempt) {
    return TaskExecutionIdentifier.newBuilder()
        .setTaskId(task)
        .setNodeExecutionId(propeller.nodeId(nodeId))
        .setRetryAttempt(attempt)
        .build();
  }

  @Test
  void theSpanTreeBreaksTheRunDownAsFlyteDoes() throws Exception {
    replay();

    // RETRYABLE_FAILED is not terminal: the attempt has no duration, its runtime ends at its
    // last update
    Span failedAttempt =
        Span.newBuilder()
            .setStartTime(o(5))
            .setEndTime(o(7))
            .setTaskId(taskExecutionId("n0", 0))
            .addSpans(op(o(5), o(6), "TASK_SETUP"))
            .addSpans(op(o(6), o(7), "TASK_RUNTIME"))
            .build();
    Span n0 =
        node(
            "n0",
            o(3),
            r(11),
            op(r(2), o(3), "NODE_TRANSITION"),
            op(o(3), o(5), "NODE_SETUP"),
            failedAttempt,
            op(o(7), o(8), "NODE_RESET"),
            succeededAttempt("n0", 1, 8),
            op(o(10), r(11), "NODE_TEARDOWN"));
    Span n1 =
        node(
            "n1",
            o(12),
            r(13),
            op(r(11), o(12), "NODE_TRANSITION"),
            op(o(12), r(13), "NODE_SETUP"));
    Span n2 =
        node(
            "n2",
            o(14),
            r(23),
            op(r(13), o(14), "NODE_TRANSITION"),
            op(o(14), r(16), "NODE_SETUP"),
            node(
                "n2-0-n0",
                o(17),
                r(22),
                op(r(16), o(17), "NODE_TRANSITION"),
                op(o(17), o(19), "NODE_SETUP"),
                succeededAttempt("n2-0-n0", 0, 19),
                op(o(21), r(22), "NODE_TEARDOWN")),
            op(r(22), r(23), "NODE_TEARDOWN"));
    Span n3 =
        node(
            "n3",
            o(24),
            r(32),
            op(r(23), o(24), "NODE_TRANSITION"),
            op(o(24), o(26), "NODE_SETUP"),
            node(
                "n3-0-n3-n0",
                o(26),
                r(31),
                op(o(26), o(28), "NODE_SETUP"),
                succeededAttempt("n3-0-n3-n0", 0, 28),
                op(o(30), r(31), "NODE_TEARDOWN")),
            op(r(31), r(32), "NODE_TEARDOWN"));
    Span expected =
        Span.newBuilder()
            .setStartTime(created)
            .setEndTime(o(35))
            .setWorkflowId(id)
            .addSpans(op(created, r(2), "WORKFLOW_SETUP"))
            .addSpans(n0)
            .addSpans(n1)
            .addSpans(n2)
            .addSpans(n3)
            .addSpans(op(r(32), o(35), "WORKFLOW_TEARDOWN"))
            .build();

    // pyflyte's default depth (-1) has no bound
    assertThat(metrics(-1).getSpan()).isEqualTo(expected);
    assertThat(metrics(10).getSpan()).isEqualTo(expected);

    // REST, as FlyteConsole asks for it
    HttpResponse<byte[]> rest =
        restJson(
            "GET",
            "/api/v1/metrics/executions/" + project + "/" + DOMAIN + "/metrics?depth=-1",
            null);
    assertThat(rest.statusCode()).as(text(rest)).isEqualTo(200);
    assertThat(fromJson(rest, WorkflowExecutionGetMetricsResponse.getDefaultInstance()).getSpan())
        .isEqualTo(expected);
  }

  @Test
  void depthBoundsTheLevelsOfReferenceSpans() {
    replay();

    // 0, the default: the execution's span alone
    Span top = metrics(0).getSpan();
    assertThat(top.getWorkflowId()).isEqualTo(id);
    assertThat(top.getStartTime()).isEqualTo(created);
    assertThat(top.getEndTime()).isEqualTo(o(35));
    assertThat(top.getSpansList()).isEmpty();

    // 1: the nodes, each with only its transition
    Span one = metrics(1).getSpan();
    assertThat(one.getSpansList())
        .extracting(s -> s.hasNodeId() ? s.getNodeId().getNodeId() : s.getOperationId())
        .containsExactly("WORKFLOW_SETUP", "n0", "n1", "n2", "n3", "WORKFLOW_TEARDOWN");
    assertThat(one.getSpans(1).getSpansList()).containsExactly(op(r(2), o(3), "NODE_TRANSITION"));

    // 2: the nodes' operations, no attempt spans (but the reset between attempts stays)
    Span two = metrics(2).getSpan();
    assertThat(two.getSpans(1).getSpansList())
        .containsExactly(
            op(r(2), o(3), "NODE_TRANSITION"),
            op(o(3), o(5), "NODE_SETUP"),
            op(o(7), o(8), "NODE_RESET"),
            op(o(10), r(11), "NODE_TEARDOWN"));
    // a sub-workflow's nodes sit at its own level; the branch's case one level below
    assertThat(two.getSpans(3).getSpansList())
        .containsExactly(
            op(r(13), o(14), "NODE_TRANSITION"),
            op(o(14), r(16), "NODE_SETUP"),
            node("n2-0-n0", o(17), r(22), op(r(16), o(17), "NODE_TRANSITION")),
            op(r(22), r(23), "NODE_TEARDOWN"));
    assertThat(two.getSpans(4).getSpansList())
        .containsExactly(
            op(r(23), o(24), "NODE_TRANSITION"),
            op(o(24), o(26), "NODE_SETUP"),
            node("n3-0-n3-n0", o(26), r(31)),
            op(r(31), r(32), "NODE_TEARDOWN"));
  }

  @Test
  void dynamicLaunchPlanAndGateNodesBreakDownAsFlyteDoes() {
    // n0: a task node that turns dynamic (generated workflow: dn0); n1: a launch plan node; n2: a
    // gate node sleeping after n1
    Identifier kinds = workflowId("kinds", "v1");
    WorkflowTemplate template =
        template(kinds)
            .addNodes(taskNode("n0", "start-node", "x"))
            .addNodes(
                Node.newBuilder()
                    .setId("n1")
                    .setMetadata(NodeMetadata.newBuilder().setName("lp"))
                    .addInputs(promise("x", "n0", "o0"))
                    .setWorkflowNode(WorkflowNode.newBuilder().setLaunchplanRef(launchPlan)))
            .addNodes(
                Node.newBuilder()
                    .setId("n2")
                    .setMetadata(NodeMetadata.newBuilder().setName("sleep"))
                    .addUpstreamNodeIds("n1")
                    .setGateNode(
                        flyteidl.core.Workflow.GateNode.newBuilder()
                            .setSleep(
                                flyteidl.core.Workflow.SleepCondition.newBuilder()
                                    .setDuration(
                                        com.google.protobuf.Duration.newBuilder().setSeconds(1)))))
            .addOutputs(promise("o0", "n1", "o0"))
            .build();
    admin.createWorkflow(workflowRequest(kinds, template));
    assertThat(
            admin
                .getWorkflow(
                    flyteidl.admin.Common.ObjectGetRequest.newBuilder().setId(kinds).build())
                .getClosure()
                .getCompiledWorkflow()
                .getPrimary()
                .getConnections()
                .getUpstreamOrThrow("end-node")
                .getIdsList())
        .as("the end node follows n1 (the output) and n2 (a leaf)")
        .containsExactlyInAnyOrder("n1", "n2");
    workflow = kinds;
    Identifier plan = registerLaunchPlan("kinds", Map.of(), LaunchPlanSpec.newBuilder());
    id = create(request(plan, Map.of("x", integerLiteral(1))).setName("kinds"));
    created = get(id).getClosure().getCreatedAt();
    propeller = new PropellerReplayer(admin, id, Instant.ofEpochSecond(created.getSeconds() + 10));
    Identifier dynamicId = workflowId("dyn", "v1");
    flyteidl.core.Compiler.CompiledWorkflowClosure generated =
        flyteidl.core.Compiler.CompiledWorkflowClosure.newBuilder()
            .setPrimary(
                flyteidl.core.Compiler.CompiledWorkflow.newBuilder()
                    .setTemplate(
                        WorkflowTemplate.newBuilder()
                            .setId(dynamicId)
                            .addNodes(taskNode("dn0", "start-node", "x")))
                    .setConnections(
                        flyteidl.core.Compiler.ConnectionSet.newBuilder()
                            .putUpstream("dn0", ids("start-node"))
                            .putUpstream("end-node", ids("dn0"))))
            .build();

    at(() -> propeller.workflow(WorkflowExecution.Phase.RUNNING)); // t1
    at(() -> propeller.startNode()); // t2
    at(() -> propeller.node("n0", Phase.QUEUED)); // t3
    at(() -> propeller.node("n0", Phase.RUNNING)); // t4
    at(() -> propeller.task(taskEvent("n0", 0, TaskExecution.Phase.RUNNING))); // t5
    at(() -> propeller.task(taskEvent("n0", 0, TaskExecution.Phase.SUCCEEDED))); // t6
    at(
        () ->
            propeller.node(
                propeller
                    .nodeEvent("n0", Phase.DYNAMIC_RUNNING)
                    .setIsDynamic(true)
                    .setIsParent(true)
                    .setTaskNodeMetadata(
                        TaskNodeMetadata.newBuilder()
                            .setDynamicWorkflow(
                                flyteidl.event.Event.DynamicWorkflowNodeMetadata.newBuilder()
                                    .setId(dynamicId)
                                    .setCompiledWorkflow(generated))))); // t7
    at(
        () ->
            propeller.node(
                propeller.nodeEvent("n0-0-start-node", "start-node", "n0", Phase.SUCCEEDED))); // t8
    at(() -> propeller.node(propeller.nodeEvent("n0-0-dn0", "dn0", "n0", Phase.QUEUED))); // t9
    at(() -> propeller.node(propeller.nodeEvent("n0-0-dn0", "dn0", "n0", Phase.RUNNING))); // t10
    at(() -> propeller.task(taskEvent("n0-0-dn0", 0, TaskExecution.Phase.QUEUED))); // t11
    at(() -> propeller.task(taskEvent("n0-0-dn0", 0, TaskExecution.Phase.RUNNING))); // t12
    at(() -> propeller.task(taskSucceeded("n0-0-dn0", 0))); // t13
    at(() -> propeller.nodeSucceeded("n0-0-dn0", "dn0", "n0")); // t14
    at(
        () ->
            propeller.node(
                propeller
                    .nodeEvent("n0", Phase.SUCCEEDED)
                    .setIsDynamic(true)
                    .setIsParent(true)
                    .setOutputUri(propeller.outputs("n0", 0)))); // t15
    at(() -> propeller.node("n1", Phase.QUEUED)); // t16
    WorkflowExecutionIdentifier child =
        create(
            request(launchPlan, Map.of("x", integerLiteral(2)))
                .setName("kinds-child")
                .setSpec(
                    flyteidl.admin.ExecutionOuterClass.ExecutionSpec.newBuilder()
                        .setLaunchPlan(launchPlan)
                        .setMetadata(
                            flyteidl.admin.ExecutionOuterClass.ExecutionMetadata.newBuilder()
                                .setMode(
                                    flyteidl.admin.ExecutionOuterClass.ExecutionMetadata
                                        .ExecutionMode.CHILD_WORKFLOW)
                                .setParentNodeExecution(propeller.nodeId("n1")))));
    flyteidl.event.Event.WorkflowNodeMetadata launched =
        flyteidl.event.Event.WorkflowNodeMetadata.newBuilder().setExecutionId(child).build();
    at(
        () ->
            propeller.node(
                propeller.nodeEvent("n1", Phase.RUNNING).setWorkflowNodeMetadata(launched))); // t17
    at(
        () ->
            propeller.node(
                propeller
                    .nodeEvent("n1", Phase.SUCCEEDED)
                    .setWorkflowNodeMetadata(launched)
                    .setOutputUri(propeller.outputs("n1", 0)))); // t18
    at(() -> propeller.node("n2", Phase.QUEUED)); // t19
    at(() -> propeller.node("n2", Phase.RUNNING)); // t20
    at(() -> propeller.node("n2", Phase.SUCCEEDED)); // t21
    at(
        () ->
            propeller.node(
                propeller
                    .nodeEvent("end-node", Phase.SUCCEEDED)
                    .setOutputUri(propeller.outputs("end-node", 0)))); // t22
    at(() -> propeller.workflow(WorkflowExecution.Phase.SUCCEEDING)); // t23
    at(() -> propeller.workflowSucceeded()); // t24

    // the child execution ran nothing: created and last updated at its creation
    Execution launchedExecution = get(child);
    Timestamp childCreated = launchedExecution.getClosure().getCreatedAt();
    assertThat(launchedExecution.getClosure().getUpdatedAt()).isEqualTo(childCreated);
    // the parent task's one attempt: RUNNING first (created and started at t5), done at t6
    Span parentTask =
        Span.newBuilder()
            .setStartTime(o(5))
            .setEndTime(o(6))
            .setTaskId(taskExecutionId("n0", 0))
            .addSpans(op(o(5), o(5), "TASK_SETUP"))
            .addSpans(op(o(5), o(6), "TASK_RUNTIME"))
            .addSpans(op(o(6), o(6), "TASK_TEARDOWN"))
            .build();
    Span n0 =
        node(
            "n0",
            o(3),
            r(15),
            op(r(2), o(3), "NODE_TRANSITION"),
            op(o(3), o(5), "NODE_SETUP"),
            parentTask,
            op(o(6), r(8), "NODE_RESET"),
            node(
                "n0-0-dn0",
                o(9),
                r(14),
                op(r(8), o(9), "NODE_TRANSITION"),
                op(o(9), o(11), "NODE_SETUP"),
                succeededAttempt("n0-0-dn0", 0, 11),
                op(o(13), r(14), "NODE_TEARDOWN")),
            op(r(14), r(15), "NODE_TEARDOWN"));
    Span n1 =
        node(
            "n1",
            o(16),
            r(18),
            op(r(15), o(16), "NODE_TRANSITION"),
            op(o(16), childCreated, "NODE_SETUP"),
            Span.newBuilder()
                .setStartTime(childCreated)
                .setEndTime(childCreated)
                .setWorkflowId(child)
                .addSpans(op(childCreated, childCreated, "WORKFLOW_SETUP"))
                .build(),
            op(childCreated, r(18), "NODE_TEARDOWN"));
    // the gate: RUNNING (started) at t20, SUCCEEDED at t21 (duration 1s)
    Span n2 =
        node(
            "n2",
            o(19),
            r(21),
            op(r(18), o(19), "NODE_TRANSITION"),
            op(o(19), o(20), "NODE_SETUP"),
            op(o(20), o(21), "NODE_IDLE"),
            op(o(21), r(21), "NODE_TEARDOWN"));
    Span expected =
        Span.newBuilder()
            .setStartTime(created)
            .setEndTime(o(24))
            .setWorkflowId(id)
            .addSpans(op(created, r(2), "WORKFLOW_SETUP"))
            .addSpans(n0)
            .addSpans(n1)
            .addSpans(n2)
            .addSpans(op(r(21), o(24), "WORKFLOW_TEARDOWN"))
            .build();

    assertThat(metrics(-1).getSpan()).isEqualTo(expected);
  }

  private static flyteidl.core.Compiler.ConnectionSet.IdList ids(String... nodeIds) {
    return flyteidl.core.Compiler.ConnectionSet.IdList.newBuilder()
        .addAllIds(java.util.List.of(nodeIds))
        .build();
  }

  @Test
  void aLaunchPlanNodeThatLaunchesItsOwnExecutionIsRefusedOnlyWhereTheTreeWouldLoop() {
    Identifier loop = workflowId("loop", "v1");
    admin.createWorkflow(
        workflowRequest(
            loop,
            template(loop)
                .addNodes(
                    Node.newBuilder()
                        .setId("n0")
                        .setMetadata(NodeMetadata.newBuilder().setName("lp"))
                        .addInputs(promise("x", "start-node", "x"))
                        .setWorkflowNode(WorkflowNode.newBuilder().setLaunchplanRef(launchPlan)))
                .addOutputs(promise("o0", "n0", "o0"))
                .build()));
    workflow = loop;
    Identifier plan = registerLaunchPlan("loop", Map.of(), LaunchPlanSpec.newBuilder());
    id = create(request(plan, Map.of("x", integerLiteral(1))).setName("loop"));
    created = get(id).getClosure().getCreatedAt();
    propeller = new PropellerReplayer(admin, id, Instant.ofEpochSecond(created.getSeconds() + 10));
    at(() -> propeller.workflow(WorkflowExecution.Phase.RUNNING)); // t1
    at(() -> propeller.startNode()); // t2
    at(() -> propeller.node("n0", Phase.QUEUED)); // t3
    at(
        () ->
            propeller.node(
                propeller
                    .nodeEvent("n0", Phase.RUNNING)
                    .setWorkflowNodeMetadata(
                        flyteidl.event.Event.WorkflowNodeMetadata.newBuilder()
                            .setExecutionId(id)))); // t4

    // depth 2 reaches the execution again as a leaf, as Flyte answers it
    Span self = Span.newBuilder().setStartTime(created).setEndTime(o(1)).setWorkflowId(id).build();
    assertThat(metrics(2).getSpan().getSpansList())
        .containsExactly(
            op(created, r(2), "WORKFLOW_SETUP"),
            node(
                "n0",
                o(3),
                r(4),
                op(r(2), o(3), "NODE_TRANSITION"),
                op(o(3), created, "NODE_SETUP"),
                self,
                op(o(1), r(4), "NODE_TEARDOWN")));
    // deeper, the tree would repeat itself (without a bound, for ever)
    assertStatus(
        status(() -> metrics(-1)),
        Status.Code.FAILED_PRECONDITION,
        "execution project:\"" + project + "\"");
    assertStatus(
        status(() -> metrics(Integer.MAX_VALUE)),
        Status.Code.FAILED_PRECONDITION,
        "execution project:\"" + project + "\"");
  }

  @Test
  void aRunOfMoreNodesThanAPageIsReadWhole() throws Exception {
    // Flyte lists node executions 50 at a time: 55 nodes take two pages
    Identifier chain = workflowId("chain", "v1");
    admin.createWorkflow(workflowRequest(chain, WorkflowApiTest.chain(task, 55)));
    workflow = chain;
    Identifier plan = registerLaunchPlan("chain", Map.of(), LaunchPlanSpec.newBuilder());
    id = create(request(plan, Map.of("x", integerLiteral(1))).setName("chain"));
    created = get(id).getClosure().getCreatedAt();
    propeller = new PropellerReplayer(admin, id, Instant.ofEpochSecond(created.getSeconds() + 10));
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    propeller.startNode();
    java.util.List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 55; i++) {
      propeller.node("n" + i, Phase.QUEUED);
      propeller.nodeSucceeded("n" + i, "n" + i, null);
      expected.add("n" + i);
    }

    Span span = metrics(1).getSpan();
    assertThat(span.getSpansList())
        .filteredOn(Span::hasNodeId)
        .extracting(s -> s.getNodeId().getNodeId())
        .containsExactlyElementsOf(expected);
    // each node follows the one before it
    assertThat(span.getSpans(55).getSpans(0).getStartTime())
        .isEqualTo(span.getSpans(54).getEndTime());

    // over REST without a depth: 0, the execution's span alone
    HttpResponse<byte[]> rest =
        restJson("GET", "/api/v1/metrics/executions/" + project + "/" + DOMAIN + "/chain", null);
    assertThat(rest.statusCode()).as(text(rest)).isEqualTo(200);
    Span top = fromJson(rest, WorkflowExecutionGetMetricsResponse.getDefaultInstance()).getSpan();
    assertThat(top.getWorkflowId()).isEqualTo(id);
    assertThat(top.getSpansList()).isEmpty();
  }

  @Test
  void aRunThatHasNotStartedIsAllSetup() {
    Span span = metrics(-1).getSpan();

    assertThat(span.getSpansList()).containsExactly(op(created, created, "WORKFLOW_SETUP"));
  }

  @Test
  void aMissingExecutionIsNotFoundAndABadIdInvalid() throws Exception {
    assertStatus(
        status(
            () ->
                admin.getExecutionMetrics(
                    WorkflowExecutionGetMetricsRequest.newBuilder()
                        .setId(executionId("nope"))
                        .build())),
        Status.Code.NOT_FOUND,
        "missing entity of type execution with identifier project:\"" + project + "\"");
    assertStatus(
        status(
            () ->
                admin.getExecutionMetrics(
                    WorkflowExecutionGetMetricsRequest.newBuilder()
                        .setId(id.toBuilder().clearProject())
                        .build())),
        Status.Code.INVALID_ARGUMENT,
        "missing project");
    assertStatus(
        status(
            () ->
                admin.getExecutionMetrics(WorkflowExecutionGetMetricsRequest.getDefaultInstance())),
        Status.Code.INVALID_ARGUMENT,
        "missing id");

    HttpResponse<byte[]> rest =
        restJson("GET", "/api/v1/metrics/executions/" + project + "/" + DOMAIN + "/nope", null);
    assertThat(rest.statusCode()).isEqualTo(404);
    assertThat(jsonStatus(rest).getCode()).isEqualTo(Status.Code.NOT_FOUND.value());
    HttpResponse<byte[]> badDepth =
        restJson(
            "GET",
            "/api/v1/metrics/executions/" + project + "/" + DOMAIN + "/metrics?depth=deep",
            null);
    assertThat(badDepth.statusCode()).isEqualTo(400);
  }

  @Test
  void aNodeTheWorkflowDoesNotDefineIsAFailedPrecondition() {
    at(() -> propeller.workflow(WorkflowExecution.Phase.RUNNING));
    at(() -> propeller.startNode());
    at(() -> propeller.node("n9", Phase.QUEUED));

    assertStatus(
        status(() -> metrics(-1)),
        Status.Code.FAILED_PRECONDITION,
        "failed to discover workflow node 'n9' in workflow '");
  }
}
