/**
 * FlyteScheduler against the real FlyteAdmin: both apps in one JVM on one database, as only the
 * sandbox module (which depends on all three apps) can put them. Flyte's counterpart is a single
 * scheduler replica relying on admin's ALREADY_EXISTS ({@code flyteadmin/scheduler}, v1.16.8).
 */
package org.flyte.sandbox.scheduler;
