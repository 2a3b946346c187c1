/** The {@code description_entities} table (Flyte's {@code gormimpl/description_entity_repo.go}). */
package org.flyte.admin.repository.description;
