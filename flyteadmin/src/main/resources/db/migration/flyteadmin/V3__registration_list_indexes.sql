-- Lists of versions and "latest version" lookups (flytekit and flytectl sort by created_at DESC)
-- are index scans; Flyte's own schema has only (project, domain, name) on these tables.
CREATE INDEX IF NOT EXISTS flyteadmin_tasks_project_domain_name_created_at_idx
  ON tasks (project, domain, name, created_at DESC);
CREATE INDEX IF NOT EXISTS flyteadmin_workflows_project_domain_name_created_at_idx
  ON workflows (project, domain, name, created_at DESC);
-- Description entities are listed by (project, domain, name) without the resource type.
CREATE INDEX IF NOT EXISTS flyteadmin_description_entities_project_domain_name_idx
  ON description_entities (project, domain, name, version);
