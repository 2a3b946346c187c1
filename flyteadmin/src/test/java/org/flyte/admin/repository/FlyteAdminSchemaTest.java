package org.flyte.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flyte.admin.config.EditedMigrationsConfiguration;
import org.flyte.common.persistence.EditedMigration;
import org.flyte.common.persistence.PersistenceAutoConfiguration;
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
 * Our Flyway V1 against the FlyteAdmin schema of Flyte v1.16.8 (what the migrations of {@code
 * flyteadmin/pkg/repositories/config/migrations.go} leave, in {@code expected-schema/}): V1 must
 * create exactly that schema, later migrations may only add our own indexes (named {@code
 * flyteadmin_*}), plus Flyway's history table, and it must adopt a database that the Go flyteadmin
 * already migrated. Runs the persistence auto-configuration with Boot's Flyway, set up as {@code
 * flyteadmin.yaml} sets it up.
 */
class FlyteAdminSchemaTest {

  private static final String HISTORY_TABLE = "flyteadmin_schema_history";
  private static final String GO_SCHEMA = "expected-schema/flyteadmin-v1.16.8.sql";
  private static final String GO_MIGRATION_IDS =
      "expected-schema/flyteadmin-v1.16.8-migrations.txt";

  private static SchemaSnapshot goSchema;
  private static List<String> goMigrationIds;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PersistenceAutoConfiguration.class,
                  DataSourceAutoConfiguration.class,
                  FlywayAutoConfiguration.class))
          .withPropertyValues(
              "spring.application.name=flyteadmin",
              "spring.flyway.locations=classpath:db/migration/flyteadmin",
              "spring.flyway.table=" + HISTORY_TABLE);

  @BeforeAll
  static void loadTheGoSchema() throws Exception {
    goMigrationIds =
        new ClassPathResource(GO_MIGRATION_IDS)
            .getContentAsString(StandardCharsets.UTF_8)
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();
    String dbname = TestPostgres.createDatabase();
    DataSource dataSource = TestPostgres.dataSource(dbname);
    runScript(dataSource, GO_SCHEMA);
    goSchema = SchemaSnapshot.of(dataSource);
  }

  private static void runScript(DataSource dataSource, String resource) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      ScriptUtils.executeSqlScript(c, new ClassPathResource(resource));
    }
  }

  @Test
  void theGoSchemaHasFlytesSeventeenTables() {
    assertThat(goMigrationIds).hasSize(66).doesNotHaveDuplicates();
    assertThat(goSchema.tables())
        .containsExactlyInAnyOrder(
            "migrations",
            "projects",
            "tasks",
            "workflows",
            "launch_plans",
            "executions",
            "execution_tags",
            "execution_events",
            "node_executions",
            "node_execution_events",
            "task_executions",
            "named_entity_metadata",
            "description_entities",
            "resources",
            "signals",
            "schedulable_entities",
            "schedule_entities_snapshots");
    assertThat(goSchema.objects())
        .containsEntry(
            "index launch_plans.idx_launch_plans_launch_conditions",
            "CREATE INDEX idx_launch_plans_launch_conditions ON launch_plans USING btree"
                + " (launch_condition_type) WHERE (launch_condition_type IS NOT NULL)")
        .containsEntry(
            "column projects.id", "bigint NOT NULL DEFAULT nextval('projects_id_seq'::regclass)")
        .containsEntry(
            "sequence projects.projects_id_seq",
            "bigint start 1 increment 1 min 1 max 9223372036854775807 cache 1 cycle false"
                + " owned by projects.id");
  }

  @Test
  void flywayCreatesExactlyTheGoSchemaOnAnEmptyDatabase() {
    runner
        .withUserConfiguration(EditedMigrationsConfiguration.class)
        .withPropertyValues(TestPostgres.properties(TestPostgres.newDatabaseName()))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DataSource dataSource = context.getBean(DataSource.class);
              SchemaSnapshot ours = SchemaSnapshot.of(dataSource);
              Collection<EditedMigration> edits =
                  context.getBeansOfType(EditedMigration.class).values();
              assertThat(edits).as("the edits of EditedMigrationsConfiguration").isNotEmpty();
              for (EditedMigration edit : edits) {
                assertThat(new SchemaHistory(dataSource, HISTORY_TABLE).checksum(edit.version()))
                    .as("V%s as it is now", edit.version())
                    .isEqualTo(edit.checksumAfter());
              }

              assertThat(ours.tables()).contains(HISTORY_TABLE);
              assertThat(withoutOurIndexes(ours.without(HISTORY_TABLE).differencesFrom(goSchema)))
                  .isEmpty();
              assertThat(ours.objects())
                  .containsKeys(
                      "index resources.flyteadmin_resources_resource_type_priority_idx",
                      "index tasks.flyteadmin_tasks_project_domain_name_created_at_idx",
                      "index workflows.flyteadmin_workflows_project_domain_name_created_at_idx",
                      "index description_entities"
                          + ".flyteadmin_description_entities_project_domain_name_idx",
                      "index launch_plans.flyteadmin_launch_plans_project_domain_name_created_at_idx",
                      "index launch_plans.flyteadmin_launch_plans_project_domain_created_at_idx",
                      "index launch_plans.flyteadmin_launch_plans_active_idx",
                      "index executions.flyteadmin_executions_project_domain_state_created_at_idx",
                      "index executions.flyteadmin_executions_project_domain_phase_created_at_idx",
                      "index executions.flyteadmin_executions_launch_plan_state_created_at_idx",
                      "index executions.flyteadmin_executions_workflow_state_created_at_idx");
              assertThat(migrationIds(dataSource))
                  .containsExactlyInAnyOrderElementsOf(goMigrationIds);
            });
  }

  @Test
  void flywayAdoptsADatabaseThatTheGoFlyteAdminMigrated() throws Exception {
    String dbname = TestPostgres.createDatabase();
    DataSource goMade = TestPostgres.dataSource(dbname);
    runScript(goMade, GO_SCHEMA);
    JdbcTemplate go = new JdbcTemplate(goMade);
    goMigrationIds.forEach(id -> go.update("INSERT INTO migrations (id) VALUES (?)", id));
    go.update(
        "INSERT INTO projects (identifier, name, created_at) VALUES ('flytesnacks', 'flytesnacks',"
            + " now())");

    runner
        .withPropertyValues(TestPostgres.properties(dbname))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DataSource dataSource = context.getBean(DataSource.class);
              JdbcTemplate jdbc = new JdbcTemplate(dataSource);

              assertThat(
                      withoutOurIndexes(
                          SchemaSnapshot.of(dataSource)
                              .without(HISTORY_TABLE)
                              .differencesFrom(goSchema)))
                  .isEmpty();
              assertThat(migrationIds(dataSource))
                  .containsExactlyInAnyOrderElementsOf(goMigrationIds);
              assertThat(
                      jdbc.queryForList(
                          "SELECT version FROM " + HISTORY_TABLE + " ORDER BY installed_rank",
                          String.class))
                  .as("baselined at 0, then V1 and our later migrations applied")
                  .startsWith("0", "1");
              assertThat(jdbc.queryForMap("SELECT id, identifier, state FROM projects"))
                  .containsEntry("id", 1L)
                  .containsEntry("identifier", "flytesnacks")
                  .containsEntry("state", 0);
            });
  }

  @Test
  void flywayRefusesADatabaseThatAnOlderGoFlyteAdminMigrated() {
    String dbname = TestPostgres.createDatabase();
    JdbcTemplate go = new JdbcTemplate(TestPostgres.dataSource(dbname));
    go.execute("CREATE TABLE migrations (id varchar(255) PRIMARY KEY)");
    goMigrationIds.subList(0, 40).forEach(id -> go.update("INSERT INTO migrations VALUES (?)", id));

    runner
        .withPropertyValues(TestPostgres.properties(dbname))
        .run(
            context -> {
              assertThat(context)
                  .getFailure()
                  .rootCause()
                  .hasMessageContaining("migrated by a Flyte release older than v1.16.8");
              assertThat(go.queryForObject("SELECT count(*) FROM migrations", Integer.class))
                  .isEqualTo(40);
            });
  }

  /**
   * The differences left once the indexes our own migrations (V2 on) add to Flyte's tables are
   * taken out: those are named {@code flyteadmin_*}, so any other extra object still counts.
   */
  private static List<String> withoutOurIndexes(List<String> differences) {
    return differences.stream()
        .filter(d -> !d.matches("unexpected (index|relation) [a-z_]+\\.flyteadmin_[a-z_]+_idx: .*"))
        .toList();
  }

  /** The gormigrate IDs recorded as applied. */
  private static List<String> migrationIds(DataSource dataSource) {
    return new JdbcTemplate(dataSource).queryForList("SELECT id FROM migrations", String.class);
  }
}
