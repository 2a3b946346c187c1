-- FlyteAdmin schema of Flyte v1.16.8: what the 66 gormigrate migrations of the Go flyteadmin leave on
-- an empty database (flyteadmin/pkg/repositories/config/migrations.go and migration_models.go).
-- Names, columns, types, nullability, defaults, keys, sequences and indexes match Go's exactly, so
-- that either implementation can serve a database made by the other:
--  * every statement is IF NOT EXISTS, so this runs cleanly over a database the Go flyteadmin made;
--  * the 66 gormigrate IDs are recorded in `migrations`, so the Go migrator finds nothing to do.
-- No foreign keys, as in Go. Never change Flyte's tables here: our own additions go in later
-- migrations.

-- A database that an older Go flyteadmin migrated lacks the later Go migrations, some of which move
-- data (e.g. admin tags into execution_tags); marking them applied below would skip that for good.
-- Such a database must first be migrated by Go flyteadmin v1.16.8 (its last migration ID is the check).
DO $$
BEGIN
  IF to_regclass('migrations') IS NULL THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM migrations)
      AND NOT EXISTS (SELECT 1 FROM migrations WHERE id = '2025-05-29-add-index-executions-phase') THEN
    RAISE EXCEPTION 'This FlyteAdmin database was migrated by a Flyte release older than v1.16.8. '
      'Run "flyteadmin migrate run" of Flyte v1.16.8 against it first.';
  END IF;
END
$$;

-- gormigrate's bookkeeping table.
CREATE TABLE IF NOT EXISTS migrations (id varchar(255) PRIMARY KEY);

CREATE TABLE IF NOT EXISTS projects (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  identifier text NOT NULL, name text, description varchar(300), labels bytea, state integer DEFAULT 0,
  CONSTRAINT projects_pkey PRIMARY KEY (identifier));
CREATE INDEX IF NOT EXISTS idx_projects_id ON projects (id);
CREATE INDEX IF NOT EXISTS idx_projects_deleted_at ON projects (deleted_at);
CREATE INDEX IF NOT EXISTS idx_projects_state ON projects (state);

CREATE TABLE IF NOT EXISTS tasks (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  closure bytea NOT NULL, digest bytea, type text, short_description text,
  CONSTRAINT tasks_pkey PRIMARY KEY (project, domain, name, version));
CREATE INDEX IF NOT EXISTS idx_tasks_id ON tasks (id);
CREATE INDEX IF NOT EXISTS idx_tasks_deleted_at ON tasks (deleted_at);
CREATE INDEX IF NOT EXISTS task_project_domain_name_idx ON tasks (project, domain, name);
CREATE INDEX IF NOT EXISTS task_project_domain_idx ON tasks (project, domain);

-- The compiled workflow closure lives in the blob store, at remote_closure_identifier.
CREATE TABLE IF NOT EXISTS workflows (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  typed_interface bytea, remote_closure_identifier text NOT NULL, digest bytea, short_description text,
  CONSTRAINT workflows_pkey PRIMARY KEY (project, domain, name, version));
CREATE INDEX IF NOT EXISTS idx_workflows_id ON workflows (id);
CREATE INDEX IF NOT EXISTS idx_workflows_deleted_at ON workflows (deleted_at);
CREATE INDEX IF NOT EXISTS workflow_project_domain_name_idx ON workflows (project, domain, name);
CREATE INDEX IF NOT EXISTS workflow_project_domain_idx ON workflows (project, domain);

CREATE TABLE IF NOT EXISTS launch_plans (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  spec bytea NOT NULL, workflow_id bigint, closure bytea NOT NULL, state integer DEFAULT 0, digest bytea,
  schedule_type text, launch_condition_type varchar(32),
  CONSTRAINT launch_plans_pkey PRIMARY KEY (project, domain, name, version));
CREATE INDEX IF NOT EXISTS idx_launch_plans_id ON launch_plans (id);
CREATE INDEX IF NOT EXISTS idx_launch_plans_deleted_at ON launch_plans (deleted_at);
CREATE INDEX IF NOT EXISTS lp_project_domain_name_idx ON launch_plans (project, domain, name);
CREATE INDEX IF NOT EXISTS idx_launch_plans_workflow_id ON launch_plans (workflow_id);
CREATE INDEX IF NOT EXISTS idx_launch_plans_launch_conditions ON launch_plans (launch_condition_type)
  WHERE launch_condition_type IS NOT NULL;

-- "user" is a reserved word and must stay quoted.
CREATE TABLE IF NOT EXISTS executions (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  launch_plan_id bigint, workflow_id bigint, task_id bigint, phase text, closure bytea, spec bytea NOT NULL,
  started_at timestamptz, execution_created_at timestamptz, execution_updated_at timestamptz, duration bigint,
  abort_cause text, mode integer, source_execution_id bigint, parent_node_execution_id bigint, cluster text,
  inputs_uri text, user_inputs_uri text, error_kind text, error_code text, "user" text, state integer DEFAULT 0,
  launch_entity text,
  CONSTRAINT executions_pkey PRIMARY KEY (execution_project, execution_domain, execution_name));
CREATE INDEX IF NOT EXISTS idx_executions_id ON executions (id);
CREATE INDEX IF NOT EXISTS idx_executions_deleted_at ON executions (deleted_at);
CREATE INDEX IF NOT EXISTS idx_executions_launch_plan_id ON executions (launch_plan_id);
CREATE INDEX IF NOT EXISTS idx_executions_workflow_id ON executions (workflow_id);
CREATE INDEX IF NOT EXISTS idx_executions_task_id ON executions (task_id);
CREATE INDEX IF NOT EXISTS idx_executions_phase ON executions (phase);
CREATE INDEX IF NOT EXISTS idx_executions_created_at ON executions (execution_created_at);
CREATE INDEX IF NOT EXISTS idx_executions_error_kind ON executions (error_kind);
CREATE INDEX IF NOT EXISTS idx_executions_user ON executions ("user");
CREATE INDEX IF NOT EXISTS idx_executions_state ON executions (state);

-- Labels (key, value) and tags (key, '') of executions; from migration 2024-06-06-execution-tags.
CREATE TABLE IF NOT EXISTS execution_tags (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project varchar(255) NOT NULL, execution_domain varchar(255) NOT NULL,
  execution_name varchar(255) NOT NULL, key varchar(255) NOT NULL, value varchar(255) NOT NULL,
  CONSTRAINT execution_tags_pkey PRIMARY KEY (execution_project, execution_domain, execution_name, key, value));
CREATE INDEX IF NOT EXISTS idx_execution_tags_id ON execution_tags (id);
CREATE INDEX IF NOT EXISTS idx_execution_tags_deleted_at ON execution_tags (deleted_at);
CREATE INDEX IF NOT EXISTS tag_key ON execution_tags (key);
CREATE INDEX IF NOT EXISTS tag_value ON execution_tags (value);

CREATE TABLE IF NOT EXISTS execution_events (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  request_id text, occurred_at timestamptz, phase text NOT NULL,
  CONSTRAINT execution_events_pkey PRIMARY KEY (execution_project, execution_domain, execution_name, phase));
CREATE INDEX IF NOT EXISTS idx_execution_events_id ON execution_events (id);
CREATE INDEX IF NOT EXISTS idx_execution_events_deleted_at ON execution_events (deleted_at);

CREATE TABLE IF NOT EXISTS node_executions (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  node_id text NOT NULL, phase text, input_uri text, closure bytea, started_at timestamptz,
  node_execution_created_at timestamptz, node_execution_updated_at timestamptz, duration bigint,
  parent_task_execution_id bigint, dynamic_workflow_remote_closure_reference text, internal_data bytea,
  node_execution_metadata bytea, parent_id bigint, error_kind text, error_code text, cache_status text,
  CONSTRAINT node_executions_pkey PRIMARY KEY (execution_project, execution_domain, execution_name, node_id));
CREATE INDEX IF NOT EXISTS idx_node_executions_id ON node_executions (id);
CREATE INDEX IF NOT EXISTS idx_node_executions_deleted_at ON node_executions (deleted_at);
CREATE INDEX IF NOT EXISTS idx_node_executions_node_id ON node_executions (node_id);
CREATE INDEX IF NOT EXISTS idx_node_executions_parent_task_execution_id ON node_executions (parent_task_execution_id);
CREATE INDEX IF NOT EXISTS idx_node_executions_parent_id ON node_executions (parent_id);
CREATE INDEX IF NOT EXISTS idx_node_executions_error_kind ON node_executions (error_kind);

CREATE TABLE IF NOT EXISTS node_execution_events (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  node_id text NOT NULL, request_id text, occurred_at timestamptz, phase text NOT NULL,
  CONSTRAINT node_execution_events_pkey
    PRIMARY KEY (execution_project, execution_domain, execution_name, node_id, phase));
CREATE INDEX IF NOT EXISTS idx_node_execution_events_id ON node_execution_events (id);
CREATE INDEX IF NOT EXISTS idx_node_execution_events_deleted_at ON node_execution_events (deleted_at);
CREATE INDEX IF NOT EXISTS idx_node_execution_events_node_id ON node_execution_events (node_id);

-- project/domain/name/version identify the task; the other key columns the node execution.
CREATE TABLE IF NOT EXISTS task_executions (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  node_id text NOT NULL, retry_attempt bigint NOT NULL, phase text, phase_version bigint, input_uri text,
  closure bytea, started_at timestamptz, task_execution_created_at timestamptz,
  task_execution_updated_at timestamptz, duration bigint,
  CONSTRAINT task_executions_pkey PRIMARY KEY (project, domain, name, version, execution_project,
    execution_domain, execution_name, node_id, retry_attempt));
CREATE INDEX IF NOT EXISTS idx_task_executions_id ON task_executions (id);
CREATE INDEX IF NOT EXISTS idx_task_executions_deleted_at ON task_executions (deleted_at);
CREATE INDEX IF NOT EXISTS idx_task_executions_exec ON task_executions (execution_project, execution_domain, execution_name, node_id);
CREATE INDEX IF NOT EXISTS idx_task_executions_node_id ON task_executions (node_id);

CREATE TABLE IF NOT EXISTS named_entity_metadata (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  resource_type integer NOT NULL, project text NOT NULL, domain text NOT NULL, name text NOT NULL,
  description varchar(300), state integer DEFAULT 0,
  CONSTRAINT named_entity_metadata_pkey PRIMARY KEY (resource_type, project, domain, name));
CREATE INDEX IF NOT EXISTS idx_named_entity_metadata_id ON named_entity_metadata (id);
CREATE INDEX IF NOT EXISTS idx_named_entity_metadata_deleted_at ON named_entity_metadata (deleted_at);
CREATE INDEX IF NOT EXISTS named_entity_metadata_type_project_domain_name_idx
  ON named_entity_metadata (resource_type, project, domain, name);

-- Here the key columns come before the BaseModel columns, as in Go.
CREATE TABLE IF NOT EXISTS description_entities (
  resource_type integer NOT NULL, project text NOT NULL, domain text NOT NULL, name text NOT NULL,
  version text NOT NULL,
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  short_description text, long_description bytea, link text,
  CONSTRAINT description_entities_pkey PRIMARY KEY (resource_type, project, domain, name, version));
CREATE INDEX IF NOT EXISTS description_entity_project_domain_name_version_idx
  ON description_entities (resource_type, project, domain, name, version);
CREATE INDEX IF NOT EXISTS idx_description_entities_id ON description_entities (id);
CREATE INDEX IF NOT EXISTS idx_description_entities_deleted_at ON description_entities (deleted_at);

-- Matchable attributes: id is the primary key; '' in a key column means "any"; no deleted_at index.
CREATE TABLE IF NOT EXISTS resources (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text, domain text, workflow text, launch_plan text, resource_type text, priority integer,
  attributes bytea,
  CONSTRAINT resources_pkey PRIMARY KEY (id));
CREATE UNIQUE INDEX IF NOT EXISTS resource_idx ON resources (project, domain, workflow, launch_plan, resource_type);

CREATE TABLE IF NOT EXISTS signals (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  signal_id text NOT NULL, type bytea NOT NULL, value bytea,
  CONSTRAINT signals_pkey PRIMARY KEY (execution_project, execution_domain, execution_name, signal_id));
CREATE INDEX IF NOT EXISTS idx_signals_id ON signals (id);
CREATE INDEX IF NOT EXISTS idx_signals_deleted_at ON signals (deleted_at);
CREATE INDEX IF NOT EXISTS idx_signals_signal_id ON signals (signal_id);

-- The native scheduler's tables (flyteadmin/scheduler/repositories/models).
CREATE TABLE IF NOT EXISTS schedulable_entities (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  cron_expression text, fixed_rate_value bigint, unit integer, kickoff_time_input_arg text, active boolean,
  CONSTRAINT schedulable_entities_pkey PRIMARY KEY (project, domain, name, version));
CREATE INDEX IF NOT EXISTS idx_schedulable_entities_id ON schedulable_entities (id);
CREATE INDEX IF NOT EXISTS idx_schedulable_entities_deleted_at ON schedulable_entities (deleted_at);

CREATE TABLE IF NOT EXISTS schedule_entities_snapshots (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  snapshot bytea,
  CONSTRAINT schedule_entities_snapshots_pkey PRIMARY KEY (id));
CREATE INDEX IF NOT EXISTS idx_schedule_entities_snapshots_id ON schedule_entities_snapshots (id);
CREATE INDEX IF NOT EXISTS idx_schedule_entities_snapshots_deleted_at ON schedule_entities_snapshots (deleted_at);

-- The Go migrations this schema stands for, in migrations.go's order, marked as applied for gormigrate.
INSERT INTO migrations (id) VALUES
  ('2019-05-22-projects'),
  ('2018-05-23-tasks'),
  ('2018-05-23-workflows'),
  ('2019-05-23-lp'),
  ('2019-05-23-executions'),
  ('2019-01-29-executions-events'),
  ('2019-04-17-node-executions'),
  ('2019-01-29-node-executions-events'),
  ('2019-03-16-task-executions'),
  ('2019-04-17-node-executions-backfill'),
  ('2019-09-27-executions'),
  ('2019-10-09-project-description'),
  ('2019-10-15-offload-inputs'),
  ('2019-11-05-named-entity-metadata'),
  ('2020-01-10-resource'),
  ('2020-03-17-task-type'),
  ('2020-04-03-named-entity-state'),
  ('2020-04-03-named-entity-state-default'),
  ('2020-04-03-workflow-state'),
  ('2020-04-29-executions'),
  ('2020-04-14-task-type'),
  ('2020-07-27-cachestatus'),
  ('2020-07-31-node-execution'),
  ('2020-08-17-labels-addition'),
  ('2020-09-01-task-exec-idx'),
  ('2020-11-03-project-state-addition'),
  ('2020-11-03-project-state-default'),
  ('2021-01-22-execution-user'),
  ('2021-04-19-node-execution_dynamic-workflow'),
  ('2021-07-22-schedulable_entities'),
  ('2021-08-05-schedulable_entities_snapshot'),
  ('2022-01-11-id-to-bigint'),
  ('2022-01-11-execution-state'),
  ('2022-03-29-node-execution-internal-data'),
  ('2022-04-04-execution-created-at-index'),
  ('2022-09-13-description-entities'),
  ('2020-09-13-task-short_description'),
  ('2020-09-13-workflow-short_description'),
  ('2022-04-11-signals'),
  ('2022-12-09-execution-launch-type'),
  ('pg-noop-2023-03-31-noop-project-3'),
  ('pg-noop-2023-03-31-noop-task-2'),
  ('pg-noop-2023-03-31-noop-workflow'),
  ('pg-noop-2023-03-31-noop-launchplan'),
  ('pg-noop-2023-03-31-noop-namedentitymetadata'),
  ('pg-noop-2023-03-31-noop-execution'),
  ('pg-noop-2023-03-31-noop-taskexecution'),
  ('pg-2023-05-02-fix-parentid-type-phase-1'),
  ('pg-2023-05-02-fix-parentid-type-phase-2'),
  ('pg-noop-2023-03-31-noop-nodeexecution'),
  ('pg-noop-2023-03-31-noop-execution-event'),
  ('pg-noop-2023-03-31-noop-node-execution-event'),
  ('pg-noop-2023-03-31-noop-description-entity-2'),
  ('pg-noop-2023-03-31-noop-signal'),
  ('pg-noop-2023-03-31-noop-resource'),
  ('pg-noop-2023-03-31-noop-schedulable_entities'),
  ('pg-noop-2023-03-31-noop-schedulable_entities-snapshot'),
  ('2023-06-19-id-sequence-to-bigint'),
  ('2023-08-04-admin-tags'),
  ('2023-08-04-execution-admin-tags'),
  ('pg-continue-2024-02-launchplan'),
  ('2024-06-06-execution-tags'),
  ('2024-06-06-drop-execution_admin-tags'),
  ('2024-06-06-drop-admin-tags'),
  ('2024-08-08-remove-input-uri-for-start-nodes'),
  ('2025-05-29-add-index-executions-phase')
ON CONFLICT (id) DO NOTHING;
