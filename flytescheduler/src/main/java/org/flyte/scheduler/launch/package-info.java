/**
 * How the scheduler reaches FlyteAdmin: the start-up wait for admin's health (Flyte's {@code
 * precheck}, {@link org.flyte.scheduler.launch.AdminReadiness}), the one place that builds the
 * admin channel and its call credentials ({@link org.flyte.scheduler.launch.AdminChannels}), the
 * CreateExecution request of a slot ({@link org.flyte.scheduler.launch.ScheduledExecutions}), the
 * call itself with its outcome ({@link org.flyte.scheduler.launch.ExecutionLauncher}) and the
 * process-wide rate limit ({@link org.flyte.scheduler.launch.TokenBucket}).
 */
package org.flyte.scheduler.launch;
