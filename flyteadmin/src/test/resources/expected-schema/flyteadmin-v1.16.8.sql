-- The FlyteAdmin schema of Flyte v1.16.8 as a Go flyteadmin leaves it on an empty database:
-- the DDL that the gormigrate migrations of flyteadmin/pkg/repositories/config/migrations.go
-- (v1.16.8) leave behind, reconstructed once and kept verbatim. The schema
-- tests compare our Flyway V1 against it; do not edit it to make a test pass.

CREATE TABLE migrations (id varchar(255) PRIMARY KEY);

CREATE TABLE projects (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  identifier text NOT NULL, name text, description varchar(300), labels bytea, state integer DEFAULT 0,
  CONSTRAINT projects_pkey PRIMARY KEY (identifier));
CREATE INDEX idx_projects_id ON projects (id);
CREATE INDEX idx_projects_deleted_at ON projects (deleted_at);
CREATE INDEX idx_projects_state ON projects (state);

CREATE TABLE tasks (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  closure bytea NOT NULL, digest bytea, type text, short_description text,
  CONSTRAINT tasks_pkey PRIMARY KEY (project, domain, name, version));
CREATE INDEX idx_tasks_id ON tasks (id);
CREATE INDEX idx_tasks_deleted_at ON tasks (deleted_at);
CREATE INDEX task_project_domain_name_idx ON tasks (project, domain, name);
CREATE INDEX task_project_domain_idx ON tasks (project, domain);

CREATE TABLE workflows (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  typed_interface bytea, remote_closure_identifier text NOT NULL, digest bytea, short_description text,
  CONSTRAINT workflows_pkey PRIMARY KEY (project, domain, name, version));
CREATE INDEX idx_workflows_id ON workflows (id);
CREATE INDEX idx_workflows_deleted_at ON workflows (deleted_at);
CREATE INDEX workflow_project_domain_name_idx ON workflows (project, domain, name);
CREATE INDEX workflow_project_domain_idx ON workflows (project, domain);

CREATE TABLE launch_plans (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  spec bytea NOT NULL, workflow_id bigint, closure bytea NOT NULL, state integer DEFAULT 0, digest bytea,
  schedule_type text, launch_condition_type varchar(32),
  CONSTRAINT launch_plans_pkey PRIMARY KEY (project, domain, name, version));
CREATE INDEX idx_launch_plans_id ON launch_plans (id);
CREATE INDEX idx_launch_plans_deleted_at ON launch_plans (deleted_at);
CREATE INDEX lp_project_domain_name_idx ON launch_plans (project, domain, name);
CREATE INDEX idx_launch_plans_workflow_id ON launch_plans (workflow_id);
CREATE INDEX idx_launch_plans_launch_conditions ON launch_plans (launch_condition_type)
  WHERE launch_condition_type IS NOT NULL;

CREATE TABLE executions (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  launch_plan_id bigint, workflow_id bigint, task_id bigint, phase text, closure bytea, spec bytea NOT NULL,
  started_at timestamptz, execution_created_at timestamptz, execution_updated_at timestamptz, duration bigint,
  abort_cause text, mode integer, source_execution_id bigint, parent_node_execution_id bigint, cluster text,
  inputs_uri text, user_inputs_uri text, error_kind text, error_code text, "user" text, state integer DEFAULT 0,
  launch_entity text,
  CONSTRAINT executions_pkey PRIMARY KEY (execution_project, execution_domain, execution_name));
CREATE INDEX idx_executions_id ON executions (id);
CREATE INDEX idx_executions_deleted_at ON executions (deleted_at);
CREATE INDEX idx_executions_launch_plan_id ON executions (launch_plan_id);
CREATE INDEX idx_executions_workflow_id ON executions (workflow_id);
CREATE INDEX idx_executions_task_id ON executions (task_id);
CREATE INDEX idx_executions_phase ON executions (phase);
CREATE INDEX idx_executions_created_at ON executions (execution_created_at);
CREATE INDEX idx_executions_error_kind ON executions (error_kind);
CREATE INDEX idx_executions_user ON executions ("user");
CREATE INDEX idx_executions_state ON executions (state);

CREATE TABLE execution_tags (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project varchar(255) NOT NULL, execution_domain varchar(255) NOT NULL,
  execution_name varchar(255) NOT NULL, key varchar(255) NOT NULL, value varchar(255) NOT NULL,
  CONSTRAINT execution_tags_pkey PRIMARY KEY (execution_project, execution_domain, execution_name, key, value));
CREATE INDEX idx_execution_tags_id ON execution_tags (id);
CREATE INDEX idx_execution_tags_deleted_at ON execution_tags (deleted_at);
CREATE INDEX tag_key ON execution_tags (key);
CREATE INDEX tag_value ON execution_tags (value);

CREATE TABLE execution_events (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  request_id text, occurred_at timestamptz, phase text NOT NULL,
  CONSTRAINT execution_events_pkey PRIMARY KEY (execution_project, execution_domain, execution_name, phase));
CREATE INDEX idx_execution_events_id ON execution_events (id);
CREATE INDEX idx_execution_events_deleted_at ON execution_events (deleted_at);

CREATE TABLE node_executions (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  node_id text NOT NULL, phase text, input_uri text, closure bytea, started_at timestamptz,
  node_execution_created_at timestamptz, node_execution_updated_at timestamptz, duration bigint,
  parent_task_execution_id bigint, dynamic_workflow_remote_closure_reference text, internal_data bytea,
  node_execution_metadata bytea, parent_id bigint, error_kind text, error_code text, cache_status text,
  CONSTRAINT node_executions_pkey PRIMARY KEY (execution_project, execution_domain, execution_name, node_id));
CREATE INDEX idx_node_executions_id ON node_executions (id);
CREATE INDEX idx_node_executions_deleted_at ON node_executions (deleted_at);
CREATE INDEX idx_node_executions_node_id ON node_executions (node_id);
CREATE INDEX idx_node_executions_parent_task_execution_id ON node_executions (parent_task_execution_id);
CREATE INDEX idx_node_executions_parent_id ON node_executions (parent_id);
CREATE INDEX idx_node_executions_error_kind ON node_executions (error_kind);

CREATE TABLE node_execution_events (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  node_id text NOT NULL, request_id text, occurred_at timestamptz, phase text NOT NULL,
  CONSTRAINT node_execution_events_pkey
    PRIMARY KEY (execution_project, execution_domain, execution_name, node_id, phase));
CREATE INDEX idx_node_execution_events_id ON node_execution_events (id);
CREATE INDEX idx_node_execution_events_deleted_at ON node_execution_events (deleted_at);
CREATE INDEX idx_node_execution_events_node_id ON node_execution_events (node_id);

CREATE TABLE task_executions (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  node_id text NOT NULL, retry_attempt bigint NOT NULL, phase text, phase_version bigint, input_uri text,
  closure bytea, started_at timestamptz, task_execution_created_at timestamptz,
  task_execution_updated_at timestamptz, duration bigint,
  CONSTRAINT task_executions_pkey PRIMARY KEY (project, domain, name, version, execution_project,
    execution_domain, execution_name, node_id, retry_attempt));
CREATE INDEX idx_task_executions_id ON task_executions (id);
CREATE INDEX idx_task_executions_deleted_at ON task_executions (deleted_at);
CREATE INDEX idx_task_executions_exec ON task_executions (execution_project, execution_domain, execution_name, node_id);
CREATE INDEX idx_task_executions_node_id ON task_executions (node_id);

CREATE TABLE named_entity_metadata (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  resource_type integer NOT NULL, project text NOT NULL, domain text NOT NULL, name text NOT NULL,
  description varchar(300), state integer DEFAULT 0,
  CONSTRAINT named_entity_metadata_pkey PRIMARY KEY (resource_type, project, domain, name));
CREATE INDEX idx_named_entity_metadata_id ON named_entity_metadata (id);
CREATE INDEX idx_named_entity_metadata_deleted_at ON named_entity_metadata (deleted_at);
CREATE INDEX named_entity_metadata_type_project_domain_name_idx
  ON named_entity_metadata (resource_type, project, domain, name);

CREATE TABLE description_entities (
  resource_type integer NOT NULL, project text NOT NULL, domain text NOT NULL, name text NOT NULL,
  version text NOT NULL,
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  short_description text, long_description bytea, link text,
  CONSTRAINT description_entities_pkey PRIMARY KEY (resource_type, project, domain, name, version));
CREATE INDEX description_entity_project_domain_name_version_idx
  ON description_entities (resource_type, project, domain, name, version);
CREATE INDEX idx_description_entities_id ON description_entities (id);
CREATE INDEX idx_description_entities_deleted_at ON description_entities (deleted_at);

CREATE TABLE resources (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text, domain text, workflow text, launch_plan text, resource_type text, priority integer,
  attributes bytea,
  CONSTRAINT resources_pkey PRIMARY KEY (id));
CREATE UNIQUE INDEX resource_idx ON resources (project, domain, workflow, launch_plan, resource_type);

CREATE TABLE signals (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  execution_project text NOT NULL, execution_domain text NOT NULL, execution_name text NOT NULL,
  signal_id text NOT NULL, type bytea NOT NULL, value bytea,
  CONSTRAINT signals_pkey PRIMARY KEY (execution_project, execution_domain, execution_name, signal_id));
CREATE INDEX idx_signals_id ON signals (id);
CREATE INDEX idx_signals_deleted_at ON signals (deleted_at);
CREATE INDEX idx_signals_signal_id ON signals (signal_id);

CREATE TABLE schedulable_entities (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  cron_expression text, fixed_rate_value bigint, unit integer, kickoff_time_input_arg text, active boolean,
  CONSTRAINT schedulable_entities_pkey PRIMARY KEY (project, domain, name, version));
CREATE INDEX idx_schedulable_entities_id ON schedulable_entities (id);
CREATE INDEX idx_schedulable_entities_deleted_at ON schedulable_entities (deleted_at);

CREATE TABLE schedule_entities_snapshots (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  snapshot bytea,
  CONSTRAINT schedule_entities_snapshots_pkey PRIMARY KEY (id));
CREATE INDEX idx_schedule_entities_snapshots_id ON schedule_entities_snapshots (id);
CREATE INDEX idx_schedule_entities_snapshots_deleted_at ON schedule_entities_snapshots (deleted_at);
