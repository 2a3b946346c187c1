package org.flyte.admin.executor.cluster;

import java.util.Optional;

/**
 * The {@code EXECUTION_CLUSTER_LABEL} matchable attribute that applies to an execution (Flyte's
 * resource manager lookup in {@code random_cluster_selector.go}).
 */
@FunctionalInterface
public interface ClusterLabelLookup {

  /** The label configured for the project, domain, workflow and launch plan, if any. */
  Optional<String> label(String project, String domain, String workflow, String launchPlan);

  /** No attributes at all. */
  ClusterLabelLookup NONE = (project, domain, workflow, launchPlan) -> Optional.empty();
}
