package org.flyte.admin.executor.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A cluster executions can run in ({@code executioncluster.ExecutionTarget}).
 *
 * @param id its name, recorded on each execution it runs ({@code ""} in in-cluster mode)
 * @param client the Kubernetes client of its API server
 * @param enabled whether new executions may be sent to it
 */
public record ExecutionTarget(String id, KubernetesClient client, boolean enabled) {}
