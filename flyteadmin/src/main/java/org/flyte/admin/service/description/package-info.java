/** Description entities (Flyte's {@code description_entity_manager.go}). */
package org.flyte.admin.service.description;
