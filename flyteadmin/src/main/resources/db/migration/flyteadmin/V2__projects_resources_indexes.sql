-- Our own indexes (not Flyte's) for the projects and matchable-attributes RPCs. Flyte's tables are
-- not changed; a Go flyteadmin ignores these indexes. IF NOT EXISTS keeps the script re-runnable
-- over a database where an operator created them by hand.
--
-- Already covered by Flyte's keys: GetProject / UpdateProject and ListProjects' default order
-- (projects_pkey on identifier), ListProjects' default `state <> 1` (idx_projects_state), the
-- matchable-attribute lookups by exact key and by most specific match (the unique resource_idx on
-- project, domain, workflow, launch_plan, resource_type).

-- ListMatchableAttributes: every row of one resource type, most specific (highest priority) first.
CREATE INDEX IF NOT EXISTS flyteadmin_resources_resource_type_priority_idx
  ON resources (resource_type, priority DESC);
