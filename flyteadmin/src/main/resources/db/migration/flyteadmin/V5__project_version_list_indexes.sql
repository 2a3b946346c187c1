-- All versions of a project, newest first (FlyteConsole's and flytectl's project-wide listings:
-- ListTasks / ListWorkflows without a name, sorted by created_at DESC) are index scans instead of
-- a sort of every row of the project.
CREATE INDEX IF NOT EXISTS flyteadmin_tasks_project_domain_created_at_idx
  ON tasks (project, domain, created_at DESC);
CREATE INDEX IF NOT EXISTS flyteadmin_workflows_project_domain_created_at_idx
  ON workflows (project, domain, created_at DESC);
