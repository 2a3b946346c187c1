package org.flyte.admin.clusterresource;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How FlyteAdmin reaches its own cluster when {@code clusters.clusterConfigs} is empty: Flyte's
 * {@code server.kube-config} and {@code server.master} (flyteadmin/pkg/config/config.go, v1.16.8).
 * Both empty: the in-cluster service account, else {@code ~/.kube/config}.
 *
 * @param kubeConfig a kubeconfig file
 * @param master the API server URL, overriding the kubeconfig's
 */
@ConfigurationProperties(prefix = "flyte.server")
public record KubernetesAccessProperties(String kubeConfig, String master) {}
