/**
 * Flyte's schedule grammar, shared by FlyteAdmin (which validates a launch plan's cron text and
 * refuses one that can never fire) and FlyteScheduler (which computes the instants it fires at).
 * {@link org.flyte.common.schedule.CronSchedule} accepts what the native scheduler's cron library
 * accepts and answers the same next instants, daylight-saving quirks included; {@link
 * org.flyte.common.schedule.GoDuration} reads the durations of {@code @every}.
 */
package org.flyte.common.schedule;
