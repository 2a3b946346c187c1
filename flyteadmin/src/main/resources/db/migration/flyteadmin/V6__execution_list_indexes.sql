-- Indexes for ListExecutions and the launch plan concurrency check (our own, not Flyte's; Flyte's
-- tables are unchanged and a Go flyteadmin ignores these). Every list of executions is scoped to a
-- project and domain, keeps only active executions unless the caller filters on `state`, and is
-- sorted newest first by clients (FlyteConsole, flytekit and flytectl sort by created_at); `id`
-- breaks ties between equal sort keys. With these, the first page, a deep page (OFFSET n reads n
-- index entries, whatever the table's size) and the filtered pages below read only what they
-- return, instead of sorting every execution of the project.

-- A project's executions, active or archived.
CREATE INDEX IF NOT EXISTS flyteadmin_executions_project_domain_state_created_at_idx
  ON executions (execution_project, execution_domain, state, created_at, id);

-- Filtered by phase (eq / value_in), and the concurrency check's QUEUED / RUNNING count.
CREATE INDEX IF NOT EXISTS flyteadmin_executions_project_domain_phase_created_at_idx
  ON executions (execution_project, execution_domain, phase, state, created_at, id);

-- Of one launch plan or one workflow (filters on launch_plan.* / workflow.* join on these ids).
CREATE INDEX IF NOT EXISTS flyteadmin_executions_launch_plan_state_created_at_idx
  ON executions (launch_plan_id, state, created_at, id);
CREATE INDEX IF NOT EXISTS flyteadmin_executions_workflow_state_created_at_idx
  ON executions (workflow_id, state, created_at, id);
