/**
 * Firing, on the replica that leads: the job store of active schedules, a loop that hands each due
 * slot to CreateExecution through the rate limit, bounded retries per slot, and the batched record
 * of last fire times. Catch-up after downtime is no separate phase: a schedule's slots between its
 * last fire time and now are simply due, and fire one after the other. Follows {@code
 * flyteadmin/scheduler/core/gocron_scheduler.go} and {@code schedule_executor.go} (v1.16.8) in what
 * it fires, not in how (no cron runner, no goroutine per fire).
 */
package org.flyte.scheduler.service.firing;
