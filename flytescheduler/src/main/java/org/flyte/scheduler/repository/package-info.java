/**
 * The scheduler's SQL, one sub-package per table: admin's {@code schedulable_entities} (read only,
 * {@code schedule}), the scheduler's own {@code flytescheduler_fire_times} ({@code firetime}) and
 * Flyte's {@code schedule_entities_snapshots} with its gob encoding ({@code snapshot}).
 */
package org.flyte.scheduler.repository;
