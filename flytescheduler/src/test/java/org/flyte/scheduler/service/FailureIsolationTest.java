package org.flyte.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flyte.scheduler.config.SchedulerProperties;
import org.flyte.scheduler.config.SchedulerProperties.FireRetry;
import org.flyte.scheduler.fixtures.Replicas.Replica;
import org.junit.jupiter.api.Test;

/**
 * A failing schedule never delays another: an invalid launch plan gives its slot up at once, an
 * unreachable one retries (bounded, visible in metrics) while the others fire on time; an archived
 * project's slot counts as done.
 */
class FailureIsolationTest extends ClockedSchedulerTest {

  private Replica leader(int maxAttempts, Duration backoff) {
    Replica replica =
        replicas.start(
            fast ->
                new SchedulerProperties(
                    fast.profilerPort(),
                    fast.adminWait(),
                    fast.adminWaitInterval(),
                    fast.workflowExecutor(),
                    fast.updaterPeriod(),
                    fast.snapshotPeriod(),
                    fast.leaderElection(),
                    new FireRetry(maxAttempts, backoff, backoff),
                    fast.tick(),
                    fast.maxInFlight()));
    await().atMost(WAIT).until(() -> replica.service().isLeader());
    return replica;
  }

  @Test
  void aBadLaunchPlanDoesNotDelayAnotherSchedulesFire() throws Exception {
    Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    database.activateRate("bad", 1, 0, t0);
    database.activateRate("unreachable", 1, 0, t0);
    database.activateRate("hanging", 1, 0, t0);
    database.activateRate("good", 1, 0, t0);
    admin.failLaunchPlan(
        "bad", request -> Status.INVALID_ARGUMENT.withDescription("launch plan is invalid"));
    admin.failLaunchPlan("unreachable", request -> Status.UNAVAILABLE.withDescription("down"));
    CountDownLatch hanging = admin.holdNext("hanging");
    Replica replica = leader(1000, Duration.ofMillis(200));

    clock.advance(Duration.ofSeconds(61));
    await().atMost(WAIT).until(() -> admin.slots("good").size() == 1);
    assertThat(hanging.await(30, TimeUnit.SECONDS)).isTrue();
    await().atMost(WAIT).until(() -> replica.counter("flyte.flytescheduler.given_up_slots") == 1);
    assertThat(replica.counter("flyte.flytescheduler.failed_execution", "code", "INVALID_ARGUMENT"))
        .isEqualTo(1);

    // The next slot: good fires again while "unreachable" still retries its first slot and
    // "hanging" still waits for its answer.
    clock.advance(Duration.ofMinutes(1));
    await().atMost(WAIT).until(() -> admin.slots("good").size() == 2);
    await().atMost(WAIT).until(() -> replica.counter("flyte.flytescheduler.given_up_slots") == 2);
    assertThat(replica.counter("flyte.flytescheduler.retried_execution")).isPositive();
    assertThat(replica.counter("flyte.flytescheduler.failed_execution", "code", "UNAVAILABLE"))
        .isPositive();
    assertThat(admin.slots("unreachable")).isEmpty();
    assertThat(admin.slots("hanging")).isEmpty();
    admin.release();
    await().atMost(WAIT).until(() -> admin.slots("hanging").size() == 2);
    assertThat(admin.slots("hanging")).containsExactly(t0.plusSeconds(60), t0.plusSeconds(120));
  }

  @Test
  void transientFailuresAreRetriedAFewTimesThenTheSlotIsGivenUp() {
    Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    database.activateRate("flaky", 1, 0, t0);
    int[] failures = {2};
    admin.failLaunchPlan(
        "flaky",
        request -> failures[0]-- > 0 ? Status.UNAVAILABLE.withDescription("try later") : Status.OK);
    Replica replica = leader(3, Duration.ofMillis(20));

    clock.advance(Duration.ofSeconds(61));
    await().atMost(WAIT).until(() -> admin.slots("flaky").size() == 1);
    assertThat(replica.counter("flyte.flytescheduler.retried_execution")).isEqualTo(2);

    admin.failLaunchPlan("flaky", request -> Status.INTERNAL.withDescription("broken"));
    clock.advance(Duration.ofMinutes(1));
    await().atMost(WAIT).until(() -> replica.counter("flyte.flytescheduler.given_up_slots") == 1);
    assertThat(replica.counter("flyte.flytescheduler.failed_execution", "code", "INTERNAL"))
        .isEqualTo(3);
  }

  @Test
  void anArchivedProjectsSlotCountsAsDone() {
    Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    database.activateRate("archived", 1, 0, t0);
    admin.archiveProject("flytesnacks");
    Replica replica = leader(3, Duration.ofMillis(20));

    clock.advance(Duration.ofSeconds(121));
    await()
        .atMost(WAIT)
        .until(
            () ->
                replica.counter(
                        "flyte.flytescheduler.successful_execution", "outcome", "inactive_project")
                    == 2);
    assertThat(replica.counter("flyte.flytescheduler.failed_execution", "code", "INVALID_ARGUMENT"))
        .isZero();
  }
}
