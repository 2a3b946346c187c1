/**
 * Workflow registration and lookup (Flyte's {@code workflow_manager.go}): compilation against the
 * stored tasks and launch plans, the closure in the blob store, the row in the database.
 */
package org.flyte.admin.service.workflow;
