/**
 * FlyteScheduler's wiring: its Flyte configuration sections ({@code scheduler}, {@code admin}), the
 * channel to FlyteAdmin, the clock, and the start of the scheduler once admin serves.
 */
package org.flyte.scheduler.config;
