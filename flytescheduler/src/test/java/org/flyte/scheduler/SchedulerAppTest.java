package org.flyte.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flyte.scheduler.config.SchedulerProperties;
import org.flyte.scheduler.fixtures.FakeAdmin;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app as deployed, against a stand-in admin: it binds Flyte's scheduler keys, migrates its own
 * table, takes the lead, fires a slot that came due while it was down and shows it in its
 * Prometheus metrics.
 */
class SchedulerAppTest {

  @Test
  void firesADueSlotAndCountsItInItsMetrics() throws Exception {
    String dbname = TestPostgres.createDatabase();
    var jdbc = new JdbcTemplate(TestPostgres.dataSource(dbname));
    try (var sql = getClass().getResourceAsStream("/admin-schedule-tables.sql")) {
      jdbc.execute(new String(Objects.requireNonNull(sql).readAllBytes(), StandardCharsets.UTF_8));
    }
    Instant activated = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(90);
    jdbc.update(
        "INSERT INTO schedulable_entities (created_at, updated_at, project, domain, name, version,"
            + " cron_expression, fixed_rate_value, unit, kickoff_time_input_arg, active)"
            + " VALUES (?, ?, 'flytesnacks', 'development', 'hourly_report', 'v3', '', 1, 0, '', true)",
        Timestamp.from(activated),
        Timestamp.from(activated));

    try (FakeAdmin admin = new FakeAdmin()) {
      List<String> args = new ArrayList<>();
      for (String property : TestPostgres.properties(dbname)) {
        args.add("--" + property);
      }
      args.add("--flyte.admin.endpoint=" + admin.endpoint());
      args.add("--flyte.scheduler.profilerPort=0");
      args.add("--flyte.scheduler.leaderElection.retryPeriod=100ms");
      args.add("--flyte.storage.type=mem");
      args.add("--flyte.scheduler.workflowExecutor.local.adminRateLimit.tps=50");
      args.add("--flyte.scheduler.workflowExecutor.local.adminRateLimit.burst=5");
      args.add("--flyte.scheduler.workflowExecutor.local.useUTCTz=true");
      try (ConfigurableApplicationContext scheduler =
          FlyteSchedulerApplication.builder().run(args.toArray(String[]::new))) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> admin.slots("hourly_report").size() == 1);
        assertThat(admin.slots("hourly_report")).containsExactly(activated.plusSeconds(60));
        assertThat(
                jdbc.queryForObject(
                    "SELECT count(*) FROM flytescheduler_schema_history WHERE success", Long.class))
            .isPositive();

        SchedulerProperties properties = scheduler.getBean(SchedulerProperties.class);
        assertThat(properties.workflowExecutor().local().adminRateLimit().tps()).isEqualTo(50);
        assertThat(properties.workflowExecutor().local().adminRateLimit().burst()).isEqualTo(5);
        assertThat(properties.cronZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(properties.updaterPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.fireRetry().maxAttempts()).isEqualTo(10);

        String port = scheduler.getEnvironment().getProperty("local.server.port");
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(prometheus(port))
                        .contains(
                            "flyte_flytescheduler_successful_execution_total{outcome=\"created\"} 1.0")
                        .contains("flyte_flytescheduler_leader 1.0"));
      }
    }
  }

  private static String prometheus(String port) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
