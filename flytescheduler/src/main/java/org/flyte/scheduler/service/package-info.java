/**
 * The scheduler's domain logic: which replica fires ({@code leader}), what it fires and when
 * ({@code firing}), and {@link org.flyte.scheduler.service.SchedulerService}, which ties them to
 * the tables: on taking the lead it loads the schedules and where each stopped, then keeps the job
 * store in step (the updater) and Flyte's snapshot written.
 */
package org.flyte.scheduler.service;
