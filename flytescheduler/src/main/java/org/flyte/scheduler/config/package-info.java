/** FlyteScheduler's wiring: its Flyte configuration sections and the channel to FlyteAdmin. */
package org.flyte.scheduler.config;
