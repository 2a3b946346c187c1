/** The {@code tasks} table (Flyte's {@code gormimpl/task_repo.go}). */
package org.flyte.admin.repository.task;
