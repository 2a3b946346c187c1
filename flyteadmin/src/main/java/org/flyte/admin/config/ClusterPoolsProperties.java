package org.flyte.admin.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code clusterPools} section under {@code flyte.clusterPools}: the default cluster pool
 * of each domain's executions, used when no CLUSTER_ASSIGNMENT matchable attribute applies. Follows
 * {@code flyteadmin/pkg/runtime/interfaces/cluster_pools.go} (v1.16.8).
 *
 * @param clusterPoolAssignments for each domain, its pool
 */
@ConfigurationProperties(prefix = "flyte.cluster-pools")
public record ClusterPoolsProperties(
    @DefaultValue Map<String, ClusterPoolAssignment> clusterPoolAssignments) {

  /**
   * @param pool the cluster pool's name
   */
  public record ClusterPoolAssignment(@DefaultValue("") String pool) {}

  /** The pool configured for {@code domain}, or empty. */
  public String poolOf(String domain) {
    ClusterPoolAssignment assignment = clusterPoolAssignments.get(domain);
    return assignment == null || assignment.pool() == null ? "" : assignment.pool();
  }
}
