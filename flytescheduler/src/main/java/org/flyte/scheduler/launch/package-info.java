/**
 * How the scheduler reaches FlyteAdmin: for now the start-up wait for admin's health (Flyte's
 * {@code precheck}); the rate-limited execution launcher comes with the scheduler issue.
 */
package org.flyte.scheduler.launch;
