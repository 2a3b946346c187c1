package org.flyte.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
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
              "spring.flyway.table=persistence_test_schema_history");

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
}
