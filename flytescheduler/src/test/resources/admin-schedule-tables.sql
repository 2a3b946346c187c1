-- FlyteAdmin's schedule tables as Flyte v1.16.8 creates them (admin migrates them; the scheduler's
-- tests create them because an app never depends on another).
CREATE TABLE IF NOT EXISTS schedulable_entities (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  cron_expression text, fixed_rate_value bigint, unit integer, kickoff_time_input_arg text, active boolean,
  CONSTRAINT schedulable_entities_pkey PRIMARY KEY (project, domain, name, version));
CREATE TABLE IF NOT EXISTS schedule_entities_snapshots (
  id bigserial NOT NULL, created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  snapshot bytea,
  CONSTRAINT schedule_entities_snapshots_pkey PRIMARY KEY (id));
