/**
 * Projects and domains (Flyte's {@code project_manager.go}), the seed projects, and the check that
 * precedes every registration: the project exists, is active, and the domain is configured.
 */
package org.flyte.admin.service.project;
