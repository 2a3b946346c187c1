/**
 * FlyteScheduler: fires scheduled launch plans by calling FlyteAdmin's CreateExecution. It reads
 * the schedule tables of the admin database (which admin migrates) and serves only health and
 * metrics over HTTP.
 */
package org.flyte.scheduler;
