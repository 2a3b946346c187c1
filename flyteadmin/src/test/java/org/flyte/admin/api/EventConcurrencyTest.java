package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.core.Execution.NodeExecution.Phase;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many node and task events of one execution at once, as propeller sends them for parallel
 * branches: nothing is lost, nothing deadlocks, every record ends where its last event put it.
 */
class EventConcurrencyTest extends ExecutionFixtures {

  private static final int NODES = 48;
  private static final int SENDERS = 16;

  @Test
  void parallelBranchesOfOneExecutionAllLand() throws Exception {
    WorkflowExecutionIdentifier id =
        create(request(launchPlan, Map.of("x", integerLiteral(1))).setName("wide"));
    PropellerReplayer propeller = new PropellerReplayer(admin, id);
    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    propeller.node(propeller.nodeEvent("fan", Phase.RUNNING).setIsParent(true));
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < NODES; i++) {
        String node = "fan-0-n" + i;
        sent.add(
            pool.submit(
                () -> {
                  await(start);
                  try {
                    retrying(
                        () -> propeller.node(propeller.nodeEvent(node, "n", "fan", Phase.QUEUED)));
                    retrying(
                        () -> propeller.node(propeller.nodeEvent(node, "n", "fan", Phase.RUNNING)));
                    for (var phase :
                        List.of(
                            TaskExecution.Phase.QUEUED,
                            TaskExecution.Phase.RUNNING,
                            TaskExecution.Phase.SUCCEEDED)) {
                      retrying(() -> propeller.task(propeller.taskEvent(task, node, 0, phase, 0)));
                    }
                    retrying(
                        () ->
                            propeller.node(
                                propeller
                                    .nodeEvent(node, "n", "fan", Phase.SUCCEEDED)
                                    .setOutputUri(propeller.outputs(node, 0))));
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                }));
      }
      // Two first events of one new node racing each other: both are applied.
      for (int i = 0; i < 8; i++) {
        String node = "race" + i;
        for (Phase phase : List.of(Phase.QUEUED, Phase.RUNNING)) {
          sent.add(
              pool.submit(
                  () -> {
                    await(start);
                    try {
                      retrying(() -> propeller.node(propeller.nodeEvent(node, phase)));
                    } catch (Throwable e) {
                      failures.add(e);
                    }
                  }));
        }
      }
      start.countDown();
      for (Future<?> future : sent) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).isEmpty();

    var children =
        admin.listNodeExecutions(
            NodeExecutionListRequest.newBuilder()
                .setWorkflowExecutionId(id)
                .setUniqueParentId("fan")
                .setLimit(1000)
                .build());
    assertThat(children.getNodeExecutionsList()).hasSize(NODES);
    assertThat(children.getNodeExecutionsList())
        .allSatisfy(n -> assertThat(n.getClosure().getPhase()).isEqualTo(Phase.SUCCEEDED));
    long succeededAttempts =
        jdbc.sql(
                "SELECT count(*) FROM task_executions WHERE execution_project = :p"
                    + " AND execution_name = 'wide' AND phase = 'SUCCEEDED'")
            .param("p", project)
            .query(Long.class)
            .single();
    assertThat(succeededAttempts).isEqualTo(NODES);
    long events =
        jdbc.sql(
                "SELECT count(*) FROM node_execution_events WHERE execution_project = :p"
                    + " AND execution_name = 'wide' AND node_id LIKE 'fan-0-%'")
            .param("p", project)
            .query(Long.class)
            .single();
    assertThat(events).isEqualTo(3L * NODES);
    for (int i = 0; i < 8; i++) {
      String phase =
          jdbc.sql(
                  "SELECT phase FROM node_executions WHERE execution_project = :p"
                      + " AND node_id = :n")
              .param("p", project)
              .param("n", "race" + i)
              .query(String.class)
              .single();
      assertThat(phase).isIn("QUEUED", "RUNNING");
      long logged =
          jdbc.sql(
                  "SELECT count(*) FROM node_execution_events WHERE execution_project = :p"
                      + " AND node_id = :n")
              .param("p", project)
              .param("n", "race" + i)
              .query(Long.class)
              .single();
      assertThat(logged).as("both racing first events applied").isEqualTo(2);
    }
  }

  /** Retries RESOURCE_EXHAUSTED as propeller does; every other failure is a test failure. */
  private static void retrying(Runnable send) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        send.run();
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.RESOURCE_EXHAUSTED || attempt > 50) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
