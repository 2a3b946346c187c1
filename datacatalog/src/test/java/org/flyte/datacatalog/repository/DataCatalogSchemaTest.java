package org.flyte.datacatalog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Collection;
import javax.sql.DataSource;
import org.flyte.common.persistence.EditedMigration;
import org.flyte.common.persistence.PersistenceAutoConfiguration;
import org.flyte.datacatalog.config.EditedMigrationsConfiguration;
import org.flyte.testing.SchemaHistory;
import org.flyte.testing.SchemaSnapshot;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Our Flyway migrations against the DataCatalog schema of Flyte v1.16.8 (what GORM's AutoMigrate
 * makes of {@code datacatalog/pkg/repositories/models}, in {@code expected-schema/}): V1 must
 * create exactly that schema, V2 only adds our own indexes, and both must adopt a database that the
 * Go datacatalog already migrated. Runs the persistence auto-configuration with Boot's Flyway, set
 * up as {@code datacatalog.yaml} sets it up.
 */
class DataCatalogSchemaTest {

  private static final String HISTORY_TABLE = "datacatalog_schema_history";
  private static final String GO_SCHEMA = "expected-schema/datacatalog-v1.16.8.sql";

  /** The indexes our V2 adds to Flyte's tables. */
  private static final java.util.List<String> OUR_INDEXES =
      java.util.List.of(
          "artifacts.datacatalog_artifacts_artifact_id_idx",
          "artifacts.datacatalog_artifacts_dataset_uuid_created_at_idx",
          "datasets.datacatalog_datasets_created_at_idx",
          "partitions.datacatalog_partitions_dataset_uuid_artifact_id_idx");

  private static SchemaSnapshot goSchema;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PersistenceAutoConfiguration.class,
                  DataSourceAutoConfiguration.class,
                  FlywayAutoConfiguration.class))
          .withPropertyValues(
              "spring.application.name=datacatalog",
              "spring.flyway.locations=classpath:db/migration/datacatalog",
              "spring.flyway.table=" + HISTORY_TABLE);

  @BeforeAll
  static void loadTheGoSchema() throws Exception {
    DataSource dataSource = TestPostgres.dataSource(TestPostgres.createDatabase());
    runScript(dataSource, GO_SCHEMA);
    goSchema = SchemaSnapshot.of(dataSource);
  }

  private static void runScript(DataSource dataSource, String resource) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      ScriptUtils.executeSqlScript(c, new ClassPathResource(resource));
    }
  }

  @Test
  void theGoSchemaHasDataCatalogsSevenTables() {
    assertThat(goSchema.tables())
        .containsExactlyInAnyOrder(
            "datasets",
            "artifacts",
            "artifact_data",
            "tags",
            "partition_keys",
            "partitions",
            "reservations");
    assertThat(goSchema.objects())
        .containsEntry("constraint datasets.datasets_uuid_key", "u UNIQUE (uuid)")
        .containsEntry(
            "constraint datasets.datasets_pkey", "p PRIMARY KEY (project, name, domain, version)")
        .containsEntry("column partitions.dataset_uuid", "uuid NOT NULL");
  }

  @Test
  void flywayCreatesExactlyTheGoSchemaOnAnEmptyDatabase() {
    runner
        .withUserConfiguration(EditedMigrationsConfiguration.class)
        .withPropertyValues(TestPostgres.properties(TestPostgres.newDatabaseName()))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SchemaSnapshot ours = SchemaSnapshot.of(context.getBean(DataSource.class));

              assertThat(ours.tables()).contains(HISTORY_TABLE);
              assertThat(ours.without(HISTORY_TABLE).differencesFrom(goSchema))
                  .as("Flyte's schema plus only our own indexes (V2)")
                  .allSatisfy(
                      line -> assertThat(line).startsWith("unexpected ").contains(".datacatalog_"))
                  .hasSize(2 * OUR_INDEXES.size());
              assertThat(ours.objects().keySet())
                  .containsAll(OUR_INDEXES.stream().map(i -> "index " + i).toList());
              Collection<EditedMigration> edits =
                  context.getBeansOfType(EditedMigration.class).values();
              assertThat(edits).as("the edits of EditedMigrationsConfiguration").isNotEmpty();
              for (EditedMigration edit : edits) {
                assertThat(
                        new SchemaHistory(context.getBean(DataSource.class), HISTORY_TABLE)
                            .checksum(edit.version()))
                    .as("V%s as it is now", edit.version())
                    .isEqualTo(edit.checksumAfter());
              }
            });
  }

  @Test
  void flywayAdoptsADatabaseThatTheGoDataCatalogMigrated() throws Exception {
    String dbname = TestPostgres.createDatabase();
    DataSource goMade = TestPostgres.dataSource(dbname);
    runScript(goMade, GO_SCHEMA);
    new JdbcTemplate(goMade)
        .update(
            "INSERT INTO datasets (project, name, domain, version, uuid)"
                + " VALUES ('p', 'n', 'd', 'v', '6b1f2a52-4a5e-4e7e-9d43-0f8b1c2d3e4f')");

    runner
        .withPropertyValues(TestPostgres.properties(dbname))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DataSource dataSource = context.getBean(DataSource.class);
              JdbcTemplate jdbc = new JdbcTemplate(dataSource);

              assertThat(
                      SchemaSnapshot.of(dataSource)
                          .without(HISTORY_TABLE)
                          .differencesFrom(goSchema))
                  .allSatisfy(line -> assertThat(line).startsWith("unexpected "))
                  .hasSize(2 * OUR_INDEXES.size());
              assertThat(
                      jdbc.queryForList(
                          "SELECT version FROM " + HISTORY_TABLE + " ORDER BY installed_rank",
                          String.class))
                  .as("baselined at 0, then V1 and V2 applied")
                  .containsExactly("0", "1", "2");
              assertThat(jdbc.queryForObject("SELECT uuid::text FROM datasets", String.class))
                  .isEqualTo("6b1f2a52-4a5e-4e7e-9d43-0f8b1c2d3e4f");
            });
  }
}
