/**
 * FlyteScheduler. What exists today: at start it waits until FlyteAdmin's gRPC health reports
 * {@code flyteadmin} as SERVING (Flyte's {@code precheck}), then serves its health and metrics over
 * HTTP. It fires no schedule yet: reading the schedule tables of the admin database and launching
 * executions through FlyteAdmin (Flyte's {@code flyteadmin/scheduler/schedule_executor.go},
 * v1.16.8) come with the scheduler issue.
 */
package org.flyte.scheduler;
