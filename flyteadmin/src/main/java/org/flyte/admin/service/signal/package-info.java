/**
 * Signals, the values gate nodes wait for. Follows {@code
 * flyteadmin/pkg/manager/impl/signal_manager.go} (Flyte v1.16.8).
 */
package org.flyte.admin.service.signal;
