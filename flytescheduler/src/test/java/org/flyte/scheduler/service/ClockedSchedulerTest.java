package org.flyte.scheduler.service;

import java.time.Duration;
import org.flyte.scheduler.fixtures.FakeAdmin;
import org.flyte.scheduler.fixtures.Replicas;
import org.flyte.scheduler.fixtures.ScheduleDatabase;
import org.flyte.testing.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The world of a scheduler test: a fresh database with admin's schedule tables, a stand-in admin on
 * a real gRPC port, a clock the test moves, and replicas built on them.
 */
abstract class ClockedSchedulerTest {

  /** The longest a test waits for something the scheduler does on its own threads. */
  static final Duration WAIT = Duration.ofSeconds(60);

  final AdjustableClock clock = new AdjustableClock();
  ScheduleDatabase database;
  FakeAdmin admin;
  Replicas replicas;

  @BeforeEach
  void startWorld() throws Exception {
    database = new ScheduleDatabase();
    admin = new FakeAdmin();
    replicas = new Replicas(database, admin, clock);
  }

  @AfterEach
  void stopWorld() throws Exception {
    replicas.close();
    admin.close();
    database.close();
  }
}
