/**
 * GetExecutionMetrics: the span tree FlyteConsole's timeline and {@code pyflyte metrics} draw,
 * derived from the stored execution, its node executions (children of sub-workflows, branches and
 * dynamic nodes included) and their task attempts. Follows {@code
 * flyteadmin/pkg/manager/impl/metrics_manager.go} (Flyte v1.16.8).
 */
package org.flyte.admin.service.metrics;
