package org.flyte.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.flyte.testing.SchemaHistory;
import org.flyte.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up fast path: Flyway is neither built nor run when the history records exactly the
 * packaged migrations, and runs as before (with its failures) in every other case.
 */
class MigrateWhenNeededTest {

  private static final String HISTORY = "fast_path_test_schema_history";
  private static final String LOCATION = "classpath:db/migration/fast-path-test";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PersistenceAutoConfiguration.class,
                  DataSourceAutoConfiguration.class,
                  FlywayAutoConfiguration.class))
          .withPropertyValues(
              "spring.application.name=fast-path-test",
              "spring.flyway.locations=" + LOCATION,
              "spring.flyway.table=" + HISTORY);

  /** Whether this context built (and so ran) Flyway. */
  private static boolean flywayBuilt(AssertableApplicationContext context) {
    return context.getBeanFactory().containsSingleton("flyway");
  }

  private ApplicationContextRunner app(String dbname, String... more) {
    return runner.withPropertyValues(TestPostgres.properties(dbname, more));
  }

  /** Starts the app on {@code dbname} and checks that it started, with or without Flyway. */
  private void startsWith(String dbname, boolean flyway, String... more) {
    app(dbname, more)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(flywayBuilt(context)).as("Flyway built").isEqualTo(flyway);
            });
  }

  /** A database migrated to the packaged migrations, as a first start leaves it. */
  private String migratedDatabase() {
    String dbname = TestPostgres.newDatabaseName();
    startsWith(dbname, true);
    return dbname;
  }

  private static JdbcTemplate jdbc(String dbname) {
    return new JdbcTemplate(TestPostgres.dataSource(dbname));
  }

  private static List<Map<String, Object>> history(String dbname) {
    return jdbc(dbname).queryForList("SELECT * FROM " + HISTORY + " ORDER BY installed_rank");
  }

  @Test
  void anUpToDateSchemaStartsWithoutFlyway() {
    String dbname = migratedDatabase();
    List<Map<String, Object>> before = history(dbname);
    assertThat(before).extracting(row -> row.get("version")).containsExactly("1", "1.1");

    app(dbname)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(flywayBuilt(context)).isFalse();
              assertThat(
                      new JdbcTemplate(context.getBean(DataSource.class))
                          .queryForObject("SELECT count(*) FROM fast_tags", Integer.class))
                  .isZero();
            });
    assertThat(history(dbname)).as("history untouched").isEqualTo(before);
  }

  @Test
  void theChecksumsAreFlywaysOwn() throws Exception {
    String dbname = migratedDatabase();
    MigrationInfo[] applied =
        Flyway.configure()
            .dataSource(TestPostgres.dataSource(dbname))
            .locations(LOCATION)
            .table(HISTORY)
            .load()
            .info()
            .applied();
    List<PackagedMigrations.Migration> packaged =
        PackagedMigrations.find(
            new PathMatchingResourcePatternResolver(new DefaultResourceLoader()),
            List.of(LOCATION),
            new PackagedMigrations.Naming("V", "__", List.of(".sql"), StandardCharsets.UTF_8));

    assertThat(packaged)
        .extracting(m -> List.of(m.version(), m.description(), m.script(), m.checksum()))
        .containsExactly(
            List.of(
                applied[0].getVersion().getVersion(),
                applied[0].getDescription(),
                applied[0].getScript(),
                applied[0].getChecksum()),
            List.of(
                applied[1].getVersion().getVersion(),
                applied[1].getDescription(),
                applied[1].getScript(),
                applied[1].getChecksum()));
    assertThat(packaged.get(0).description()).isEqualTo("create fast notes");
  }

  @Test
  void aPendingMigrationIsApplied() throws Exception {
    String dbname = migratedDatabase();
    try (Connection c = TestPostgres.dataSource(dbname).getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE fast_tags");
      s.execute("DELETE FROM " + HISTORY + " WHERE version = '1.1'");
    }

    startsWith(dbname, true);
    assertThat(history(dbname)).extracting(row -> row.get("version")).containsExactly("1", "1.1");
    assertThat(jdbc(dbname).queryForObject("SELECT count(*) FROM fast_tags", Integer.class))
        .isZero();
  }

  @Test
  void aFailedMigrationFailsTheStartAsFlywayDoes() {
    String dbname = migratedDatabase();
    jdbc(dbname).update("UPDATE " + HISTORY + " SET success = false WHERE version = '1.1'");

    app(dbname)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("Detected failed migration to version 1.1"));
  }

  @Test
  void aChangedChecksumFailsTheStartAsFlywayDoes() {
    String dbname = migratedDatabase();
    new SchemaHistory(TestPostgres.dataSource(dbname), HISTORY).recordChecksum("1.1", 42);

    app(dbname)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("checksum mismatch for migration version 1.1"));
  }

  @Test
  void anEditedMigrationsEarlierChecksumGoesThroughFlyway() {
    String dbname = migratedDatabase();
    SchemaHistory schemaHistory = new SchemaHistory(TestPostgres.dataSource(dbname), HISTORY);
    int current = schemaHistory.checksum("1");
    schemaHistory.recordChecksum("1", 42);

    app(dbname)
        .withBean(EditedMigration.class, () -> new EditedMigration("1", 42, current))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(flywayBuilt(context)).isTrue();
            });
    assertThat(schemaHistory.checksum("1")).isEqualTo(current);

    app(dbname)
        .withBean(EditedMigration.class, () -> new EditedMigration("1", 42, current))
        .run(context -> assertThat(flywayBuilt(context)).as("up to date again").isFalse());
  }

  @Test
  void aDatabaseMigratedByANewerBuildStartsAsFlywayLetsIt() {
    String dbname = migratedDatabase();
    jdbc(dbname)
        .update(
            "INSERT INTO "
                + HISTORY
                + " (installed_rank, version, description, type, script, checksum, installed_by,"
                + " execution_time, success) VALUES (3, '2', 'from a newer build', 'SQL',"
                + " 'V2__from_a_newer_build.sql', 7, 'postgres', 1, true)");

    startsWith(dbname, true);
    assertThat(history(dbname)).hasSize(3);
  }

  @Test
  void migrationsAppliedOutOfOrderGoThroughFlyway() {
    String dbname = migratedDatabase();
    JdbcTemplate jdbc = jdbc(dbname);
    jdbc.update("UPDATE " + HISTORY + " SET installed_rank = 3 WHERE version = '1'");
    jdbc.update("UPDATE " + HISTORY + " SET installed_rank = 1 WHERE version = '1.1'");
    jdbc.update("UPDATE " + HISTORY + " SET installed_rank = 2 WHERE version = '1'");

    startsWith(dbname, true);
  }

  @Test
  void aBaselinedSchemaStartsWithoutFlywayOnceMigrated() throws Exception {
    String dbname = TestPostgres.createDatabase();
    try (Connection c = TestPostgres.dataSource(dbname).getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE other_app_table (id bigint)");
    }
    app(dbname).run(context -> assertThat(flywayBuilt(context)).isTrue());
    assertThat(history(dbname))
        .extracting(row -> row.get("version"))
        .containsExactly("0", "1", "1.1");

    startsWith(dbname, false);
  }

  @Test
  void settingsBeyondLocationsAndTableGoThroughFlyway() {
    String dbname = migratedDatabase();

    startsWith(dbname, true, "spring.flyway.target=1.1");
    app(dbname)
        .withBean(FlywayMigrationStrategy.class, () -> flyway -> {})
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean("flywayInitializer").getClass().getName())
                  .as("the app's own strategy keeps Boot's initializer")
                  .isEqualTo(
                      "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer");
              assertThat(flywayBuilt(context)).isTrue();
            });
  }

  @Test
  void twoReplicasStartingTogetherOnAnEmptyDatabaseMigrateItOnce() {
    String dbname = TestPostgres.createDatabase();
    Runnable replica = () -> app(dbname).run(context -> assertThat(context).hasNotFailed());

    CompletableFuture.allOf(
            CompletableFuture.runAsync(replica), CompletableFuture.runAsync(replica))
        .join();

    assertThat(history(dbname)).extracting(row -> row.get("version")).containsExactly("1", "1.1");
    CompletableFuture.allOf(
            CompletableFuture.runAsync(
                () -> app(dbname).run(context -> assertThat(flywayBuilt(context)).isFalse())),
            CompletableFuture.runAsync(
                () -> app(dbname).run(context -> assertThat(flywayBuilt(context)).isFalse())))
        .join();
  }
}
