/**
 * FlyteAdmin's cluster resource manager ({@code flyteadmin clusterresource sync|run}, Flyte's
 * {@code flyteadmin/pkg/clusterresource}, v1.16.8): keeps every project-domain's namespace in every
 * execution cluster as the configured templates say (the namespace itself, resource quotas, service
 * accounts, ...), with Flyte's template variables and the {@code CLUSTER_RESOURCE} matchable
 * attributes as per-project-domain overrides. The Helm chart's {@code syncresources} Deployment
 * runs {@code clusterresource run}; FlyteAdmin's pod runs one {@code clusterresource sync} before
 * it serves.
 */
package org.flyte.admin.clusterresource;
