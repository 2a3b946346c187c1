package org.flyte.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import flyteidl.core.Literals.Literal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.flyte.scheduler.fixtures.FakeAdmin.Created;
import org.flyte.scheduler.fixtures.Replicas.Replica;
import org.flyte.scheduler.repository.snapshot.GobSnapshot;
import org.flyte.scheduler.repository.snapshot.SnapshotRepository;
import org.flyte.scheduler.schedule.ScheduleNames;
import org.junit.jupiter.api.Test;

/**
 * One scheduler against a stand-in admin on a real gRPC port and a real database, on a clock the
 * test moves: what fires, at which slots, with which request; catch-up after downtime; taking over
 * from a Go scheduler's snapshot; deactivation.
 */
class SchedulerFiringTest extends ClockedSchedulerTest {

  private Instant moveTo(String instant) {
    Instant target = Instant.parse(instant);
    clock.advance(Duration.between(clock.instant(), target));
    return target;
  }

  private Replica leader() {
    Replica replica = replicas.start();
    await().atMost(WAIT).until(() -> replica.service().isLeader());
    return replica;
  }

  /** Moves the clock in steps until {@code end}, waiting at each step for the slots passed. */
  private void runUntil(Instant end, Duration step, String launchPlan, List<Instant> expected) {
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      Instant now = clock.instant();
      long due = expected.stream().filter(slot -> !slot.isAfter(now)).count();
      await().atMost(WAIT).until(() -> admin.slots(launchPlan).size() >= due);
      assertThat(admin.slots(launchPlan)).hasSize((int) due);
    }
    assertThat(admin.slots(launchPlan)).containsExactlyElementsOf(expected);
  }

  @Test
  void aFixedRateFiresEveryPeriodFromItsActivationWithoutInputs() {
    Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    database.activateRate("every_minute", 1, 0, t0);
    leader();

    runUntil(
        t0.plus(Duration.ofMinutes(3)),
        Duration.ofSeconds(20),
        "every_minute",
        List.of(t0.plusSeconds(60), t0.plusSeconds(120), t0.plusSeconds(180)));

    Created first = admin.created().get(0);
    assertThat(first.request().getName())
        .isEqualTo(
            ScheduleNames.executionName(
                "flytesnacks", "development", "every_minute", "v1", t0.plusSeconds(60)));
    assertThat(first.request().getInputs().getLiteralsMap()).isEmpty();
    assertThat(first.request().getSpec().getMetadata().getModeValue()).isEqualTo(1);
    assertThat(first.request().getSpec().getLaunchPlan().getVersion()).isEqualTo("v1");
  }

  @Test
  void aZonedCronFiresAtTheRightInstantsAcrossBothDaylightSavingChanges() {
    // Spring forward in Los Angeles on 2027-03-14: 02:30 does not exist that day.
    Instant spring = moveTo("2027-03-13T12:00:00Z");
    database.activateCron("spring", "TZ=America/Los_Angeles 30 2 * * *", "kickoff", spring);
    // Fall back on 2027-11-07: 01:30 happens twice (as in Flyte's cron library).
    database.activateCron(
        "fall",
        "CRON_TZ=America/Los_Angeles 30 1 * * *",
        "",
        Instant.parse("2027-11-06T12:00:00Z"));
    leader();

    runUntil(
        Instant.parse("2027-03-15T12:00:00Z"),
        Duration.ofHours(1),
        "spring",
        List.of(Instant.parse("2027-03-15T09:30:00Z")));

    Literal kickoff = admin.created().get(0).request().getInputs().getLiteralsMap().get("kickoff");
    assertThat(kickoff.getScalar().getPrimitive().getDatetime().getSeconds())
        .isEqualTo(Instant.parse("2027-03-15T09:30:00Z").getEpochSecond());

    moveTo("2027-11-06T12:00:00Z");
    runUntil(
        Instant.parse("2027-11-08T12:00:00Z"),
        Duration.ofHours(1),
        "fall",
        List.of(
            Instant.parse("2027-11-07T08:30:00Z"),
            Instant.parse("2027-11-07T09:30:00Z"),
            Instant.parse("2027-11-08T09:30:00Z")));
  }

  @Test
  void everyAndDescriptorsFireFromTheActivation() {
    Instant t0 = moveTo("2027-01-01T10:07:00Z");
    database.activateCron("every", "@every 90m", "", t0);
    database.activateCron("hourly", "@hourly", "", t0);
    leader();

    runUntil(
        Instant.parse("2027-01-01T13:07:00Z"),
        Duration.ofMinutes(30),
        "every",
        List.of(Instant.parse("2027-01-01T11:37:00Z"), Instant.parse("2027-01-01T13:07:00Z")));
    assertThat(admin.slots("hourly"))
        .containsExactly(
            Instant.parse("2027-01-01T11:00:00Z"),
            Instant.parse("2027-01-01T12:00:00Z"),
            Instant.parse("2027-01-01T13:00:00Z"));
  }

  @Test
  void afterThreeMissedSlotsTheNextSchedulerFiresExactlyThoseThenTheLiveOnes() {
    Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    database.activateRate("nightly", 1, 0, t0);
    Replica first = leader();
    clock.advance(Duration.ofSeconds(61));
    await().atMost(WAIT).until(() -> admin.slots("nightly").size() == 1);
    first.service().close();

    // Down for three slots.
    clock.advance(Duration.ofMinutes(3));
    leader();
    await().atMost(WAIT).until(() -> admin.slots("nightly").size() == 4);
    clock.advance(Duration.ofMinutes(1));
    await().atMost(WAIT).until(() -> admin.slots("nightly").size() == 5);

    assertThat(admin.slots("nightly"))
        .containsExactly(
            t0.plusSeconds(60),
            t0.plusSeconds(120),
            t0.plusSeconds(180),
            t0.plusSeconds(240),
            t0.plusSeconds(300));
    assertThat(admin.calls()).isEqualTo(5);
  }

  @Test
  void takesOverFromTheGoSchedulersSnapshotAndWritesOneItCanRead() {
    Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    database.activateRate("handover", 1, 0, t0);
    String scheduleName =
        ScheduleNames.scheduleName("flytesnacks", "development", "handover", "v1");
    // The Go scheduler fired the first two slots before it stopped.
    database
        .jdbc()
        .sql(
            "INSERT INTO schedule_entities_snapshots (created_at, updated_at, snapshot)"
                + " VALUES (now(), now(), :snapshot)")
        .param("snapshot", GobSnapshot.write(Map.of(scheduleName, t0.plusSeconds(120))))
        .update();
    clock.advance(Duration.ofSeconds(200));
    leader();

    await().atMost(WAIT).until(() -> admin.slots("handover").size() == 1);
    assertThat(admin.slots("handover")).containsExactly(t0.plusSeconds(180));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(new SnapshotRepository(database.jdbc()).latestLastTimes())
                    .containsEntry(scheduleName, t0.plusSeconds(180)));
    assertThat(
            database
                .jdbc()
                .sql("SELECT count(*) FROM schedule_entities_snapshots")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aDeactivatedScheduleStopsFiringWithinOneUpdaterPeriod() {
    Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    database.activateRate("stopping", 1, 0, t0);
    Replica replica = leader();
    clock.advance(Duration.ofSeconds(61));
    await().atMost(WAIT).until(() -> admin.slots("stopping").size() == 1);

    database.deactivate("stopping", clock.instant());
    await()
        .atMost(WAIT)
        .until(
            () ->
                replica.registry().get("flyte.flytescheduler.active_schedules").gauge().value()
                    == 0);
    // A witness on the same cadence shows that the loop went past the slots.
    database.activateRate("witness", 1, 0, t0);
    await()
        .atMost(WAIT)
        .until(
            () ->
                replica.registry().get("flyte.flytescheduler.active_schedules").gauge().value()
                    == 1);
    clock.advance(Duration.ofMinutes(2));
    await().atMost(WAIT).until(() -> admin.slots("witness").size() >= 2);
    assertThat(admin.slots("stopping")).hasSize(1);
  }
}
