package org.flyte.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flyte.scheduler.fixtures.FakeAdmin.Created;
import org.flyte.scheduler.fixtures.Replicas.Replica;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers at once on one database against one admin over real gRPC: over many slots and
 * schedules every slot is created exactly once, and when the leader is killed in the middle of a
 * CreateExecution the other replica takes over: still exactly once, no slot missed.
 */
class TwoReplicasTest extends ClockedSchedulerTest {

  private static final int RATE_SCHEDULES = 30;
  private static final int CRON_SCHEDULES = 10;

  private Instant t0;

  @BeforeEach
  void setUp() throws Exception {
    t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < RATE_SCHEDULES; i++) {
      database.activateRate("rate" + i, 1, 0, t0.minusSeconds(i));
    }
    for (int i = 0; i < CRON_SCHEDULES; i++) {
      database.activateCron("cron" + i, "* * * * *", "kickoff", t0);
    }
  }

  /** Every slot due by {@code now}: launch plan name to its slots. */
  private Map<String, Set<Instant>> expected(Instant now) {
    Map<String, Set<Instant>> slots = new HashMap<>();
    for (int i = 0; i < RATE_SCHEDULES; i++) {
      Set<Instant> mine = new HashSet<>();
      for (Instant slot = t0.minusSeconds(i).plusSeconds(60);
          !slot.isAfter(now);
          slot = slot.plusSeconds(60)) {
        mine.add(slot);
      }
      slots.put("rate" + i, mine);
    }
    for (int i = 0; i < CRON_SCHEDULES; i++) {
      Set<Instant> mine = new HashSet<>();
      for (Instant slot = t0.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
          !slot.isAfter(now);
          slot = slot.plusSeconds(60)) {
        mine.add(slot);
      }
      slots.put("cron" + i, mine);
    }
    return slots;
  }

  private Map<String, List<Instant>> created() {
    Map<String, List<Instant>> slots = new HashMap<>();
    for (Created c : admin.created()) {
      slots.computeIfAbsent(c.launchPlan(), k -> new ArrayList<>()).add(c.slot());
    }
    return slots;
  }

  private void awaitEverySlotUpTo(Instant now) {
    Map<String, Set<Instant>> expected = expected(now);
    long total = expected.values().stream().mapToLong(Set::size).sum();
    await().atMost(WAIT).until(() -> admin.created().size() >= total);
  }

  private Replica leaderOf(Replica a, Replica b) {
    await().atMost(WAIT).until(() -> a.service().isLeader() || b.service().isLeader());
    return a.service().isLeader() ? a : b;
  }

  @Test
  void everySlotFiresExactlyOnceAndAKilledLeaderIsTakenOver() throws Exception {
    Replica a = replicas.start();
    Replica b = replicas.start();
    Replica leader = leaderOf(a, b);
    Replica follower = leader == a ? b : a;
    assertThat(follower.service().isLeader()).isFalse();

    for (int minute = 1; minute <= 4; minute++) {
      clock.advance(Duration.ofMinutes(1));
      awaitEverySlotUpTo(clock.instant());
    }

    // While one leader lived, no call was made twice: the follower fired nothing.
    assertThat(admin.repeated()).isEmpty();

    // Kill the leader while one of its CreateExecution calls is under way.
    CountDownLatch held = admin.holdNext("rate7");
    clock.advance(Duration.ofMinutes(1));
    assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
    leader.service().halt();
    admin.release();
    Instant killedAt = clock.instant();
    await().atMost(WAIT).until(() -> follower.service().isLeader());
    awaitEverySlotUpTo(killedAt);

    for (int minute = 1; minute <= 4; minute++) {
      clock.advance(Duration.ofMinutes(1));
      awaitEverySlotUpTo(clock.instant());
    }

    Instant end = clock.instant();
    Map<String, List<Instant>> created = created();
    Map<String, Set<Instant>> expected = expected(end);
    for (Map.Entry<String, Set<Instant>> schedule : expected.entrySet()) {
      List<Instant> slots = created.getOrDefault(schedule.getKey(), List.of());
      assertThat(slots).as(schedule.getKey()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(slots)).as(schedule.getKey()).isEqualTo(schedule.getValue());
    }
    assertThat(expected.values().stream().mapToInt(Set::size).sum())
        .isEqualTo(admin.created().size())
        .isGreaterThanOrEqualTo((RATE_SCHEDULES + CRON_SCHEDULES) * 8);
    // The only calls made twice are the new leader's repeats of slots due before the kill that the
    // killed leader had not recorded yet; admin refused them.
    assertThat(admin.repeated())
        .allSatisfy(repeat -> assertThat(repeat.slot()).isBeforeOrEqualTo(killedAt));
    assertThat(admin.calls()).isEqualTo(admin.created().size() + admin.repeated().size());
  }
}
