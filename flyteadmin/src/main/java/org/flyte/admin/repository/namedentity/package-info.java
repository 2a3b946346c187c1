/**
 * Named entities (Flyte's {@code gormimpl/named_entity_repo.go}): the metadata table joined with
 * the distinct names of tasks, workflows and launch plans.
 */
package org.flyte.admin.repository.namedentity;
