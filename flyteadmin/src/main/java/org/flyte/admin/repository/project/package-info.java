/** The {@code projects} table (Flyte's {@code gormimpl/project_repo.go}). */
package org.flyte.admin.repository.project;
