-- FlyteScheduler's own state, beside admin's tables (which it never changes); its Flyway history is
-- flytescheduler_schema_history. One row per launch plan version that has fired: every slot up to
-- last_fire_time has been fired (or given up after its retries).
CREATE TABLE IF NOT EXISTS flytescheduler_fire_times (
  project text NOT NULL, domain text NOT NULL, name text NOT NULL, version text NOT NULL,
  last_fire_time timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT flytescheduler_fire_times_pkey PRIMARY KEY (project, domain, name, version));
