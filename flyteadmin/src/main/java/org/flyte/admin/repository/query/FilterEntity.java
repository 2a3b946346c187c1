package org.flyte.admin.repository.query;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The entities that list filters and sort keys may name, each with Flyte's one-to-three letter code
 * (used in its error messages), its table and the columns a filter may compare. Follows {@code
 * flyteadmin/pkg/common/entity.go} and the gorm models' column sets (v1.16.8): every column of the
 * table, the base columns {@code id, created_at, updated_at, deleted_at} included.
 */
public enum FilterEntity {
  EXECUTION(
      "e",
      "execution",
      "executions",
      "execution_project",
      "execution_domain",
      "execution_name",
      "launch_plan_id",
      "workflow_id",
      "task_id",
      "phase",
      "closure",
      "spec",
      "started_at",
      "execution_created_at",
      "execution_updated_at",
      "duration",
      "abort_cause",
      "mode",
      "source_execution_id",
      "parent_node_execution_id",
      "cluster",
      "inputs_uri",
      "user_inputs_uri",
      "error_kind",
      "error_code",
      "user",
      "state",
      "launch_entity"),
  LAUNCH_PLAN(
      "l",
      "launch_plan",
      "launch_plans",
      "project",
      "domain",
      "name",
      "version",
      "spec",
      "workflow_id",
      "closure",
      "state",
      "digest",
      "schedule_type",
      "launch_condition_type"),
  NODE_EXECUTION(
      "ne",
      "node_execution",
      "node_executions",
      "execution_project",
      "execution_domain",
      "execution_name",
      "node_id",
      "phase",
      "input_uri",
      "closure",
      "started_at",
      "node_execution_created_at",
      "node_execution_updated_at",
      "duration",
      "node_execution_metadata",
      "parent_id",
      "parent_task_execution_id",
      "error_kind",
      "error_code",
      "cache_status",
      "dynamic_workflow_remote_closure_reference",
      "internal_data"),
  NODE_EXECUTION_EVENT(
      "nee",
      null,
      "node_execution_events",
      "execution_project",
      "execution_domain",
      "execution_name",
      "node_id",
      "request_id",
      "occurred_at",
      "phase"),
  TASK(
      "t",
      "task",
      "tasks",
      "project",
      "domain",
      "name",
      "version",
      "closure",
      "digest",
      "type",
      "short_description"),
  TASK_EXECUTION(
      "te",
      "task_execution",
      "task_executions",
      "project",
      "domain",
      "name",
      "version",
      "execution_project",
      "execution_domain",
      "execution_name",
      "node_id",
      "retry_attempt",
      "phase",
      "phase_version",
      "input_uri",
      "closure",
      "started_at",
      "task_execution_created_at",
      "task_execution_updated_at",
      "duration"),
  WORKFLOW(
      "w",
      "workflow",
      "workflows",
      "project",
      "domain",
      "name",
      "version",
      "typed_interface",
      "remote_closure_identifier",
      "digest",
      "short_description"),
  /** The distinct names of one resource type; not a table (aliased {@code entities}). */
  NAMED_ENTITY(
      "nen",
      "entities",
      "entities",
      "resource_type",
      "project",
      "domain",
      "name",
      "description",
      "state") {
    @Override
    boolean hasBaseColumns() {
      return false;
    }
  },
  NAMED_ENTITY_METADATA(
      "nem",
      "named_entity_metadata",
      "named_entity_metadata",
      "resource_type",
      "project",
      "domain",
      "name",
      "description",
      "state"),
  PROJECT("p", "project", "projects", "identifier", "name", "description", "labels", "state"),
  SIGNAL(
      "s",
      "signal",
      "signals",
      "execution_project",
      "execution_domain",
      "execution_name",
      "signal_id",
      "type",
      "value"),
  /** Flyte's legacy tag filter: {@code admin_tag.name} compares {@code execution_tags.key}. */
  ADMIN_TAG("at", "admin_tag", "execution_tags", "name"),
  EXECUTION_ADMIN_TAG("eat", "execution_admin_tag", "execution_admin_tags"),
  EXECUTION_TAG(
      "et",
      "execution_tag",
      "execution_tags",
      "execution_project",
      "execution_domain",
      "execution_name",
      "key",
      "value");

  private static final Set<String> BASE_COLUMNS =
      Set.of("id", "created_at", "updated_at", "deleted_at");
  private static final Map<String, FilterEntity> BY_PREFIX =
      Arrays.stream(values())
          .filter(e -> e.prefix != null)
          .collect(Collectors.toUnmodifiableMap(e -> e.prefix, Function.identity()));

  private final String code;
  private final String prefix;
  private final String table;
  private final Set<String> columns;

  FilterEntity(String code, String prefix, String table, String... columns) {
    this.code = code;
    this.prefix = prefix;
    this.table = table;
    this.columns = Set.of(columns);
  }

  /** Flyte's code for the entity, as its error messages print it ({@code t}, {@code ne}...). */
  public String code() {
    return code;
  }

  /** The table (or, for named entities, the alias of the derived table). */
  public String table() {
    return table;
  }

  boolean hasBaseColumns() {
    return true;
  }

  /** Whether a filter or sort key may name {@code column} on this entity. */
  public boolean hasColumn(String column) {
    return columns.contains(column) || (hasBaseColumns() && BASE_COLUMNS.contains(column));
  }

  /** Every column a filter may name (for documentation and tests). */
  public Set<String> columns() {
    return hasBaseColumns()
        ? Stream.concat(columns.stream(), BASE_COLUMNS.stream()).collect(Collectors.toSet())
        : columns;
  }

  /** The entity a field prefix such as {@code workflow.} names. */
  static Optional<FilterEntity> byPrefix(String prefix) {
    return Optional.ofNullable(BY_PREFIX.get(prefix));
  }

  static Set<String> prefixes() {
    return BY_PREFIX.keySet();
  }
}
