/**
 * The {@code launch_plans} table (Flyte's {@code gormimpl/launch_plan_repo.go}), the launch-plan
 * interfaces that workflow compilation reads, and the scheduler's {@code schedulable_entities} kept
 * in step with activation.
 */
package org.flyte.admin.repository.launchplan;
