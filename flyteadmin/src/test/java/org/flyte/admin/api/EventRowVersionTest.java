package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.time.Instant;
import java.util.Map;
import org.flyte.admin.repository.nodeexecution.NodeEventRepository;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRow;
import org.flyte.admin.repository.taskexecution.TaskEventRepository;
import org.flyte.admin.repository.taskexecution.TaskExecutionRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event's write names the row version it was computed from: a write computed from a row that
 * another event changed meanwhile writes nothing (neither the row nor its event log row), so that
 * the service computes it again from the new row instead of overwriting the other event.
 */
class EventRowVersionTest extends ExecutionFixtures {

  @Autowired NodeEventRepository nodes;
  @Autowired TaskEventRepository tasks;

  private WorkflowExecutionIdentifier id;
  private PropellerReplayer propeller;

  @BeforeEach
  void launch() {
    id = create(request(launchPlan, Map.of("x", integerLiteral(1))).setName("versions"));
    propeller = new PropellerReplayer(admin, id);
  }

  @Test
  void aNodeWriteFromAStaleRowWritesNothing() {
    NodeExecutionIdentifier node = propeller.nodeId("n0");
    propeller.node(propeller.nodeEvent("n0", NodeExecution.Phase.QUEUED));
    NodeEventRepository.Target stale = nodes.read(node, null, null).orElseThrow();
    assertThat(stale.row()).isNotNull();
    assertThat(stale.cluster()).isNotNull();
    propeller.node(propeller.nodeEvent("n0", NodeExecution.Phase.RUNNING));

    NodeExecutionRow failed = withPhase(stale.row(), "FAILED");
    assertThat(nodes.update(failed, stale.version(), "late", Instant.now())).isFalse();
    assertThat(phaseOf(node)).isEqualTo("RUNNING");
    assertThat(logged(node, "FAILED")).isZero();

    NodeEventRepository.Target fresh = nodes.read(node, null, null).orElseThrow();
    assertThat(fresh.version()).isNotEqualTo(stale.version());
    assertThat(nodes.update(withPhase(fresh.row(), "FAILED"), fresh.version(), "r", Instant.now()))
        .isTrue();
    assertThat(phaseOf(node)).isEqualTo("FAILED");
    assertThat(logged(node, "FAILED")).isOne();
    // a first write of a row that exists writes nothing either
    assertThat(nodes.insert(withPhase(fresh.row(), "SUCCEEDED"), "again", Instant.now())).isFalse();
    assertThat(logged(node, "SUCCEEDED")).isZero();
  }

  @Test
  void aTaskWriteFromAStaleRowWritesNothing() {
    propeller.node(propeller.nodeEvent("n0", NodeExecution.Phase.RUNNING));
    TaskExecutionIdentifier attempt =
        TaskExecutionIdentifier.newBuilder()
            .setTaskId(task)
            .setNodeExecutionId(propeller.nodeId("n0"))
            .build();
    propeller.task(propeller.taskEvent(task, "n0", 0, TaskExecution.Phase.QUEUED, 0));
    TaskEventRepository.Target stale = tasks.read(attempt).orElseThrow();
    assertThat(stale.nodeExists()).isTrue();
    propeller.task(propeller.taskEvent(task, "n0", 0, TaskExecution.Phase.RUNNING, 0));

    TaskExecutionRow row = stale.row();
    TaskExecutionRow failed =
        new TaskExecutionRow(
            row.rowId(),
            row.id(),
            "FAILED",
            row.phaseVersion(),
            row.inputUri(),
            row.closure(),
            row.startedAt(),
            row.createdAt(),
            row.updatedAt(),
            row.durationNanos());
    assertThat(tasks.update(failed, stale.version())).isFalse();
    assertThat(tasks.read(attempt).orElseThrow().row().phase()).isEqualTo("RUNNING");
    assertThat(tasks.update(failed, tasks.read(attempt).orElseThrow().version())).isTrue();
    assertThat(tasks.read(attempt).orElseThrow().row().phase()).isEqualTo("FAILED");
  }

  private static NodeExecutionRow withPhase(NodeExecutionRow row, String phase) {
    return new NodeExecutionRow(
        row.rowId(),
        row.id(),
        phase,
        row.inputUri(),
        row.closure(),
        row.startedAt(),
        row.createdAt(),
        row.updatedAt(),
        row.durationNanos(),
        row.parentTaskExecutionId(),
        row.dynamicClosureReference(),
        row.eventVersion(),
        row.metadata(),
        row.parentId(),
        row.errorKind(),
        row.errorCode(),
        row.cacheStatus());
  }

  private String phaseOf(NodeExecutionIdentifier node) {
    return jdbc.sql(
            "SELECT phase FROM node_executions WHERE execution_project = :p"
                + " AND execution_name = :n AND node_id = :node")
        .param("p", project)
        .param("n", id.getName())
        .param("node", node.getNodeId())
        .query(String.class)
        .single();
  }

  private long logged(NodeExecutionIdentifier node, String phase) {
    return jdbc.sql(
            "SELECT count(*) FROM node_execution_events WHERE execution_project = :p"
                + " AND execution_name = :n AND node_id = :node AND phase = :phase")
        .param("p", project)
        .param("n", id.getName())
        .param("node", node.getNodeId())
        .param("phase", phase)
        .query(Long.class)
        .single();
  }
}
