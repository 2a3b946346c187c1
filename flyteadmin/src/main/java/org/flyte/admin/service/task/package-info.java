/**
 * Task registration and lookup (Flyte's {@code task_manager.go}), with the task resource limits
 * from configuration and matchable attributes.
 */
package org.flyte.admin.service.task;
