/**
 * The {@code resources} table of matchable attributes (Flyte's {@code gormimpl/resource_repo.go})
 * and the task-resource lookup that task registration needs.
 */
package org.flyte.admin.repository.resource;
