package org.flyte.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flyte.testing.SchemaHistory;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

class PersistenceAutoConfigurationTest {

  private static final String HISTORY = "persistence_test_schema_history";
  private static final int EARLIER_CHECKSUM = 123_456_789;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PersistenceAutoConfiguration.class,
                  DataSourceAutoConfiguration.class,
                  FlywayAutoConfiguration.class))
          .withPropertyValues(
              "spring.application.name=persistence-test",
              "spring.flyway.locations=classpath:db/migration/persistence-test",
              "spring.flyway.table=" + HISTORY);

  private static JdbcTemplate jdbc(DataSource dataSource) {
    return new JdbcTemplate(dataSource);
  }

  @Test
  void embeddedServerCreatesTheDatabaseAndKeepsDataAcrossRestarts(@TempDir Path dataDir) {
    ApplicationContextRunner embedded =
        runner.withPropertyValues(
            "flyte.database.embedded.data-dir=" + dataDir,
            "flyte.database.postgres.dbname=flyte_restart");

    embedded.run(
        context -> {
          assertThat(context).hasNotFailed().hasSingleBean(PostgresServer.class);
          JdbcTemplate jdbc = jdbc(context.getBean(DataSource.class));
          assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
              .isEqualTo("flyte_restart");
          jdbc.update("INSERT INTO notes (id, body) VALUES (1, 'kept')");
        });
    assertThat(dataDir.resolve("PG_VERSION")).exists();
    assertThat(dataDir.resolve("postmaster.pid"))
        .as("server stopped with the context")
        .doesNotExist();

    embedded.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(
                  jdbc(context.getBean(DataSource.class))
                      .queryForObject("SELECT body FROM notes WHERE id = 1", String.class))
              .isEqualTo("kept");
        });
  }

  @Test
  void contextsOnOneDataDirectoryShareTheEmbeddedServer(@TempDir Path dataDir) {
    ApplicationContextRunner first =
        runner.withPropertyValues(
            "flyte.database.embedded.data-dir=" + dataDir, "flyte.database.postgres.dbname=first");
    ApplicationContextRunner second =
        runner.withPropertyValues(
            "flyte.database.embedded.data-dir=" + dataDir,
            "flyte.database.postgres.dbname=second",
            "spring.flyway.enabled=false");

    first.run(
        one -> {
          second.run(
              two ->
                  assertThat(
                          jdbc(two.getBean(DataSource.class))
                              .queryForObject(
                                  "SELECT count(*) FROM pg_database"
                                      + " WHERE datname IN ('first', 'second')",
                                  Integer.class))
                      .isEqualTo(2));
          assertThat(dataDir.resolve("postmaster.pid")).as("still used by the first").exists();
          assertThat(
                  jdbc(one.getBean(DataSource.class))
                      .queryForObject("SELECT count(*) FROM notes", Integer.class))
              .isZero();
        });
    assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  void configuredServerGetsTheDatabaseCreatedAndMigrated() {
    String dbname = TestPostgres.newDatabaseName();

    runner
        .withPropertyValues(TestPostgres.properties(dbname))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              HikariDataSource pool = context.getBean(HikariDataSource.class);
              assertThat(pool.getPoolName()).isEqualTo("persistence-test");
              assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
              assertThat(pool.getMinimumIdle()).isEqualTo(10);
              assertThat(pool.getMaxLifetime()).isEqualTo(3_600_000L);
              JdbcTemplate jdbc = jdbc(pool);
              assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                  .isEqualTo(dbname);
              assertThat(
                      jdbc.queryForList(
                          "SELECT version FROM persistence_test_schema_history WHERE success",
                          String.class))
                  .containsExactly("1");
            });
  }

  @Test
  void poolSettingsComeFromFlytesKeys() {
    runner
        .withPropertyValues(
            TestPostgres.properties(
                TestPostgres.newDatabaseName(),
                "flyte.database.maxOpenConnections=4",
                "flyte.database.maxIdleConnections=9",
                "flyte.database.connMaxLifeTime=30m",
                "spring.flyway.enabled=false"))
        .run(
            context -> {
              HikariDataSource pool = context.getBean(HikariDataSource.class);
              assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
              assertThat(pool.getMinimumIdle()).isEqualTo(4);
              assertThat(pool.getMaxLifetime()).isEqualTo(1_800_000L);
            });
  }

  @Test
  void migratesADatabaseThatAnotherAppAlreadyUses() throws Exception {
    String dbname = TestPostgres.createDatabase();
    try (Connection c = TestPostgres.dataSource(dbname).getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE other_app_table (id bigint)");
    }

    runner
        .withPropertyValues(TestPostgres.properties(dbname))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              JdbcTemplate jdbc = jdbc(context.getBean(DataSource.class));
              assertThat(
                      jdbc.queryForList(
                          "SELECT version FROM persistence_test_schema_history"
                              + " ORDER BY installed_rank",
                          String.class))
                  .containsExactly("0", "1");
              assertThat(jdbc.queryForObject("SELECT count(*) FROM notes", Integer.class)).isZero();
            });
  }

  @Test
  void explicitFlywayBaselineSettingsWin() throws Exception {
    String dbname = TestPostgres.createDatabase();
    try (Connection c = TestPostgres.dataSource(dbname).getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE other_app_table (id bigint)");
    }

    runner
        .withPropertyValues(
            TestPostgres.properties(dbname, "spring.flyway.baseline-on-migrate=false"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("non-empty schema"));
  }

  @Test
  void failsAtStartupWhenThePasswordFileIsMissing(@TempDir Path dir) {
    Path missing = dir.resolve("pass.txt");

    runner
        .withPropertyValues(
            "flyte.database.host=db.invalid", "flyte.database.passwordPath=" + missing)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage("missing database password at specified path [" + missing + "]"));
  }

  @Test
  void backsOffWhenTheApplicationHasADataSource() {
    runner
        .withUserConfiguration(OwnDataSource.class)
        .withPropertyValues("spring.flyway.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(PostgresServer.class);
              assertThat(context.getBean(DataSource.class))
                  .isSameAs(context.getBean(OwnDataSource.class).dataSource);
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDataSource {
    final DataSource dataSource = TestPostgres.dataSource("postgres");

    @Bean
    DataSource dataSource() {
      return dataSource;
    }
  }

  /**
   * A database whose history recorded an earlier checksum of a migration ({@link EditedMigration}).
   */
  @Test
  void onlyTheDeclaredEditOfTheStoredChecksumIsAccepted() {
    String dbname = TestPostgres.newDatabaseName();
    ApplicationContextRunner app = runner.withPropertyValues(TestPostgres.properties(dbname));
    int[] current = new int[1];
    app.run(
        context -> {
          assertThat(context).hasNotFailed();
          current[0] = editedChecksum(context.getBean(DataSource.class));
        });
    DataSource dataSource = TestPostgres.dataSource(dbname);
    new SchemaHistory(dataSource, HISTORY).recordChecksum("1", EARLIER_CHECKSUM);

    app.run(
        context ->
            assertThat(context)
                .as("an undeclared edit")
                .getFailure()
                .rootCause()
                .hasMessageContaining("checksum mismatch"));
    app.withBean(
            "otherEdit",
            EditedMigration.class,
            () -> new EditedMigration("1", EARLIER_CHECKSUM + 1, current[0]))
        .run(
            context ->
                assertThat(context)
                    .as("an edit from another checksum")
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("checksum mismatch"));
    assertThat(editedChecksum(dataSource)).isEqualTo(EARLIER_CHECKSUM);

    app.withBean(
            "edit",
            EditedMigration.class,
            () -> new EditedMigration("1", EARLIER_CHECKSUM, current[0]))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(editedChecksum(context.getBean(DataSource.class))).isEqualTo(current[0]);
            });
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject("SELECT count(*) FROM " + HISTORY, Integer.class))
        .as("no migration re-ran or was recorded again")
        .isEqualTo(1);
  }

  @Test
  void aFreshDatabaseIsMigratedWithEditsDeclared() {
    runner
        .withPropertyValues(TestPostgres.properties(TestPostgres.newDatabaseName()))
        .withBean(EditedMigration.class, () -> new EditedMigration("1", 1, 2))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(
                      new JdbcTemplate(context.getBean(DataSource.class))
                          .queryForObject("SELECT count(*) FROM notes", Integer.class))
                  .isZero();
            });
  }

  private static int editedChecksum(DataSource dataSource) {
    return new SchemaHistory(dataSource, HISTORY).checksum("1");
  }
}
