-- Launch plan lookups that Flyte's schema leaves to sequential scans. Flyte's tables are unchanged;
-- only indexes are added.

-- ListLaunchPlans / ListLaunchPlanIds within a project and domain (optionally a name), in the
-- order clients ask for (created_at DESC).
CREATE INDEX IF NOT EXISTS flyteadmin_launch_plans_project_domain_name_created_at_idx
  ON launch_plans (project, domain, name, created_at);
CREATE INDEX IF NOT EXISTS flyteadmin_launch_plans_project_domain_created_at_idx
  ON launch_plans (project, domain, created_at);

-- GetActiveLaunchPlan, ListActiveLaunchPlans and activation: the few ACTIVE rows.
CREATE INDEX IF NOT EXISTS flyteadmin_launch_plans_active_idx
  ON launch_plans (project, domain, name) WHERE state = 1;
