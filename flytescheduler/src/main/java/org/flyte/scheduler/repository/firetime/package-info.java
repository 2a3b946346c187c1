/**
 * The scheduler's own table {@code flytescheduler_fire_times} (migrated by the scheduler, history
 * in {@code flytescheduler_schema_history}): for each launch plan version, the latest slot up to
 * which every slot has been fired or given up.
 */
package org.flyte.scheduler.repository.firetime;
