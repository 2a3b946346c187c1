/**
 * Node executions as clients read them: get, the two lists, their data and dynamic workflows.
 * Follows {@code flyteadmin/pkg/manager/impl/node_execution_manager.go} (Flyte v1.16.8).
 */
package org.flyte.admin.service.nodeexecution;
