package org.flyte.sandbox.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata.ExecutionMode;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flyte.scheduler.FlyteSchedulerApplication;
import org.flyte.scheduler.service.SchedulerService;
import org.flyte.testing.AdjustableClock;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two FlyteScheduler apps at once on FlyteAdmin's database, against the real FlyteAdmin app over
 * gRPC with authentication on: the schedulers authenticate with client credentials (an anonymous
 * CreateExecution is refused), every slot of many fixed-rate and cron schedules becomes exactly one
 * SCHEDULED execution with its kickoff time, and a replica killed while its CreateExecution is
 * under way in admin is taken over by the other without a duplicate or a missed slot. The
 * schedulers run on a clock the test moves a minute at a time.
 */
class SchedulerReplicasAgainstAdminTest {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static AuthenticatedAdmin admin;

  private final AdjustableClock clock = new AdjustableClock();
  private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
  private final Map<Identifier, Instant> rates = new HashMap<>();
  private final Map<Identifier, Instant> crons = new HashMap<>();
  private String project;

  @BeforeAll
  static void startAdmin() throws Exception {
    admin = new AuthenticatedAdmin(dir);
  }

  @AfterAll
  static void stopAdmin() {
    if (admin != null) {
      admin.close();
    }
  }

  @BeforeEach
  void newProject() {
    project = admin.newProject();
  }

  @AfterEach
  void stopReplicas() {
    replicas.forEach(ConfigurableApplicationContext::close);
    rates.keySet().forEach(admin::deactivate);
    crons.keySet().forEach(admin::deactivate);
  }

  private void activate(int fixedRates, int cronSchedules) {
    for (int i = 0; i < fixedRates; i++) {
      Identifier id = admin.activateFixedRate(project, "rate" + i);
      rates.put(id, admin.activatedAt(id));
    }
    for (int i = 0; i < cronSchedules; i++) {
      Identifier id = admin.activateCron(project, "cron" + i);
      crons.put(id, admin.activatedAt(id));
    }
  }

  private ConfigurableApplicationContext startReplica() {
    List<String> args = new ArrayList<>();
    for (String property : TestPostgres.properties(admin.dbname)) {
      args.add("--" + property);
    }
    args.addAll(
        List.of(
            "--flyte.admin.endpoint=" + admin.endpoint(),
            "--flyte.scheduler.profilerPort=0",
            "--flyte.scheduler.leaderElection.retryPeriod=100ms",
            "--flyte.scheduler.updaterPeriod=200ms",
            "--flyte.scheduler.tick=20ms",
            "--flyte.scheduler.fireRetry.initialBackoff=20ms",
            "--flyte.scheduler.fireRetry.maxBackoff=200ms",
            "--flyte.scheduler.workflowExecutor.local.useUTCTz=true",
            "--flyte.scheduler.workflowExecutor.local.adminRateLimit.tps=1000",
            "--flyte.scheduler.workflowExecutor.local.adminRateLimit.burst=100",
            "--flyte.storage.type=mem",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN"));
    admin.auth.schedulerArgs().forEach(args::add);
    ConfigurableApplicationContext replica =
        FlyteSchedulerApplication.builder()
            .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
            .run(args.toArray(String[]::new));
    replicas.add(replica);
    return replica;
  }

  private static SchedulerService service(ConfigurableApplicationContext replica) {
    return replica.getBean(SchedulerService.class);
  }

  /** The sum of a replica's counter {@code flyte.flytescheduler.<name>} over its tags. */
  private static double counter(
      ConfigurableApplicationContext replica, String name, String... tags) {
    return replica
        .getBean(MeterRegistry.class)
        .find("flyte.flytescheduler." + name)
        .tags(tags)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private ConfigurableApplicationContext leaderOf(
      ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
    await().atMost(WAIT).until(() -> service(a).isLeader() || service(b).isLeader());
    return service(a).isLeader() ? a : b;
  }

  /** Every slot due by {@code now}, per launch plan name. */
  private Map<String, TreeSet<Instant>> expected(Instant now) {
    Map<String, TreeSet<Instant>> slots = new HashMap<>();
    rates.forEach(
        (id, activated) -> {
          TreeSet<Instant> mine = new TreeSet<>();
          for (Instant slot = activated.truncatedTo(ChronoUnit.SECONDS).plusSeconds(60);
              !slot.isAfter(now);
              slot = slot.plusSeconds(60)) {
            mine.add(slot);
          }
          slots.put(id.getName(), mine);
        });
    crons.forEach(
        (id, activated) -> {
          TreeSet<Instant> mine = new TreeSet<>();
          for (Instant slot = activated.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
              !slot.isAfter(now);
              slot = slot.plusSeconds(60)) {
            mine.add(slot);
          }
          slots.put(id.getName(), mine);
        });
    return slots;
  }

  private static Instant scheduledAt(Execution execution) {
    var at = execution.getSpec().getMetadata().getScheduledAt();
    return Instant.ofEpochSecond(at.getSeconds(), at.getNanos());
  }

  /** Admin's executions of the project, per launch plan name, as a list of their slots. */
  private Map<String, List<Instant>> created() {
    Map<String, List<Instant>> slots = new HashMap<>();
    for (Execution execution : admin.executions(project)) {
      slots
          .computeIfAbsent(execution.getSpec().getLaunchPlan().getName(), k -> new ArrayList<>())
          .add(scheduledAt(execution));
    }
    return slots;
  }

  private void awaitEverySlotUpTo(Instant now) {
    long total = expected(now).values().stream().mapToLong(TreeSet::size).sum();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> admin.executions(project).size() >= total);
  }

  /** Each launch plan's slots up to {@code end} were created once each, and nothing else. */
  private void assertExactlyOnce(Instant end) {
    Map<String, List<Instant>> created = created();
    Map<String, TreeSet<Instant>> expected = expected(end);
    for (Map.Entry<String, TreeSet<Instant>> schedule : expected.entrySet()) {
      List<Instant> slots = created.getOrDefault(schedule.getKey(), List.of());
      assertThat(slots).as(schedule.getKey()).doesNotHaveDuplicates();
      assertThat(new TreeSet<>(slots)).as(schedule.getKey()).isEqualTo(schedule.getValue());
    }
    assertThat(created.keySet()).isEqualTo(expected.keySet());
  }

  @Test
  void twoReplicasAuthenticateAndCreateEverySlotOfManySchedulesExactlyOnce() throws Exception {
    activate(12, 6);
    ConfigurableApplicationContext a = startReplica();
    ConfigurableApplicationContext b = startReplica();
    ConfigurableApplicationContext leader = leaderOf(a, b);
    ConfigurableApplicationContext follower = leader == a ? b : a;

    for (int minute = 1; minute <= 4; minute++) {
      clock.advance(Duration.ofMinutes(1));
      awaitEverySlotUpTo(clock.instant());
    }
    Instant end = clock.instant();
    assertExactlyOnce(end);
    assertThat(service(follower).isLeader()).isFalse();
    assertThat(counter(follower, "successful_execution")).isZero();
    assertThat(counter(leader, "successful_execution", "outcome", "created"))
        .isEqualTo(admin.executions(project).size());
    List<Execution> executions = admin.executions(project);
    assertThat(executions).hasSizeGreaterThanOrEqualTo(18 * 3);
    // Admin started each execution once: no CreateExecution got past the name claim twice.
    assertThat(admin.executor.executed()).isGreaterThanOrEqualTo(executions.size());

    for (Execution execution : executions) {
      assertThat(execution.getSpec().getMetadata().getMode()).isEqualTo(ExecutionMode.SCHEDULED);
      var inputs =
          admin
              .client
              .getExecutionData(
                  WorkflowExecutionGetDataRequest.newBuilder().setId(execution.getId()).build())
              .getFullInputs()
              .getLiteralsOrThrow(AuthenticatedAdmin.KICKOFF);
      Instant kickoff =
          execution.getSpec().getLaunchPlan().getName().startsWith("cron")
              ? scheduledAt(execution) // the slot, for a cron schedule
              : Instant.EPOCH; // a fixed rate gets none (as in Flyte): the default
      assertThat(inputs)
          .as(execution.getId().getName())
          .isEqualTo(AuthenticatedAdmin.datetimeLiteral(kickoff));
    }

    // Admin requires authentication: without the scheduler's credentials the same call is refused.
    StatusRuntimeException refused =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                admin
                    .anonymousClient()
                    .createExecution(
                        ExecutionCreateRequest.newBuilder()
                            .setProject(project)
                            .setDomain(AuthenticatedAdmin.DOMAIN)
                            .setName("anonymous")
                            .setSpec(
                                ExecutionSpec.newBuilder()
                                    .setLaunchPlan(rates.keySet().iterator().next()))
                            .build()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void aReplicaKilledWhileAdminCreatesItsExecutionIsTakenOverWithoutDuplicateOrLoss()
      throws Exception {
    activate(8, 4);
    ConfigurableApplicationContext a = startReplica();
    ConfigurableApplicationContext b = startReplica();
    ConfigurableApplicationContext leader = leaderOf(a, b);
    ConfigurableApplicationContext follower = leader == a ? b : a;
    clock.advance(Duration.ofMinutes(1));
    awaitEverySlotUpTo(clock.instant());

    // The leader's next CreateExecution of rate3 is held inside admin (its name claimed, admin
    // not answered yet) while the leader dies without a word: its lock session closes.
    CountDownLatch held = admin.executor.holdNext("rate3");
    clock.advance(Duration.ofMinutes(1));
    assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
    service(leader).halt();
    leader.close();
    admin.executor.release();
    Instant killedAt = clock.instant();

    await().atMost(WAIT).until(() -> service(follower).isLeader());
    awaitEverySlotUpTo(killedAt);
    for (int minute = 1; minute <= 3; minute++) {
      clock.advance(Duration.ofMinutes(1));
      awaitEverySlotUpTo(clock.instant());
    }
    Instant end = clock.instant();
    assertExactlyOnce(end);
    assertThat(admin.executions(project)).hasSizeGreaterThanOrEqualTo(12 * 4);
    // The held slot was fired again by the new leader, and admin refused the copy.
    assertThat(counter(follower, "successful_execution", "outcome", "already_exists"))
        .isGreaterThanOrEqualTo(1);
    assertThat(counter(follower, "given_up_slots")).isZero();
  }
}
