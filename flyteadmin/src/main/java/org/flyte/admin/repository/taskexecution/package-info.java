/**
 * The {@code task_executions} table, written by task events and read by the task execution RPCs.
 * Follows {@code flyteadmin/pkg/repositories/gormimpl/task_execution_repo.go} (Flyte v1.16.8).
 */
package org.flyte.admin.repository.taskexecution;
