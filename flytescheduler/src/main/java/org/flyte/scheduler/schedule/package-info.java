/**
 * What a schedule is and what it fires: a {@code schedulable_entities} row ({@link
 * org.flyte.scheduler.schedule.ScheduleRow}), the instants it fires at ({@link
 * org.flyte.scheduler.schedule.Cadence}), and the names the native scheduler gives them ({@link
 * org.flyte.scheduler.schedule.ScheduleNames}: the schedule's name and the deterministic execution
 * name that makes a repeated fire of one slot an {@code ALREADY_EXISTS}).
 */
package org.flyte.scheduler.schedule;
