/**
 * The execution load driver: CreateExecution throughput and the ListExecutions pages clients ask
 * for, on a project that grows from no executions to a million (FlyteAdmin's {@code
 * flyteadmin/pkg/manager/impl/execution_manager.go} and {@code
 * flyteadmin/pkg/repositories/gormimpl/execution_repo.go}, Flyte v1.16.8, serve the same calls).
 */
package org.flyte.bench.execution;
