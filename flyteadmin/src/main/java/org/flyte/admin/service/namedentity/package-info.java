/** Named entities (Flyte's {@code named_entity_manager.go}). */
package org.flyte.admin.service.namedentity;
