/**
 * Matchable attributes (Flyte's {@code resource_manager.go}): project, project-domain and workflow
 * attributes, and the resolution of the most specific match.
 */
package org.flyte.admin.service.resource;
