/**
 * The {@code signals} table that gate nodes wait on. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/signal_repo.go} (Flyte v1.16.8).
 */
package org.flyte.admin.repository.signal;
