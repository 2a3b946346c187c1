package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.core.Execution.NodeExecution.Phase;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Metrics.Span;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.WorkflowNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import flyteidl.event.Event.TaskNodeMetadata;
import io.grpc.Status;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GetExecutionMetrics of dynamic, launch plan and gate nodes, and of a launch plan node that
 * launches its own execution, by the rules of Flyte's {@code metrics_manager.go} (v1.16.8).
 */
class ExecutionMetricsNodeKindsTest extends ExecutionMetricsFixtures {

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
}
