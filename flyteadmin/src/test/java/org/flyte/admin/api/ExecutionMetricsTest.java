package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetMetricsRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetMetricsResponse;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.core.Execution.NodeExecution.Phase;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Metrics.Span;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GetExecutionMetrics over the replayed run of {@link ExecutionMetricsFixtures} (task retried,
 * cache hit, sub-workflow, branch): the span tree, its depth, long runs and the errors.
 */
class ExecutionMetricsTest extends ExecutionMetricsFixtures {

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
