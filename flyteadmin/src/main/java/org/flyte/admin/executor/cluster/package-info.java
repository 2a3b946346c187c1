/**
 * The Kubernetes clusters executions run in, from Flyte's {@code clusters} configuration ({@link
 * org.flyte.admin.executor.cluster.ClustersProperties}): in-cluster mode without cluster configs
 * ({@link org.flyte.admin.executor.cluster.InClusterTarget}), else a weighted choice by execution
 * cluster label seeded by the execution's name ({@link
 * org.flyte.admin.executor.cluster.WeightedClusterSelection}). Follows {@code
 * flyteadmin/pkg/executioncluster} and {@code pkg/runtime/cluster_config_provider.go} (v1.16.8).
 */
package org.flyte.admin.executor.cluster;
