/**
 * FlyteScheduler: fires scheduled launch plans by calling FlyteAdmin's CreateExecution. It reads
 * admin's schedule tables ({@code schedulable_entities}, kept in step by launch plan activation,
 * and Flyte's snapshot), keeps each schedule's last fire time in a table of its own, and serves
 * only health and metrics over HTTP. Layers: {@code schedule} (what a schedule is and fires),
 * {@code launch} (the calls to admin), {@code service} (leadership and firing), {@code repository}
 * (SQL), {@code config} beside them.
 */
package org.flyte.scheduler;
