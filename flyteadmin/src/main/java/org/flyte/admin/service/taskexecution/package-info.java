/**
 * Task executions (one per attempt) as clients read them. Follows {@code
 * flyteadmin/pkg/manager/impl/task_execution_manager.go} (Flyte v1.16.8).
 */
package org.flyte.admin.service.taskexecution;
