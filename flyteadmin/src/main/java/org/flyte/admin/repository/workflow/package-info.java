/**
 * The {@code workflows} table (Flyte's {@code gormimpl/workflow_repo.go}): rows that point at the
 * compiled closure in the blob store, and the reads of workflow interfaces that launch plans need.
 */
package org.flyte.admin.repository.workflow;
