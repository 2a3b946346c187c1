package org.flyte.admin.service.resource;

import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;

/**
 * Merging two workflow execution configurations: every setting the higher-priority one leaves unset
 * is taken from the lower-priority one. Follows {@code MergeIntoExecConfig} in {@code
 * flyteadmin/pkg/manager/impl/util/shared.go} (v1.16.8): a security context counts as set only with
 * a service account, IAM role or execution identity; labels, annotations, envs and the raw output
 * prefix only when non-empty; interruptible when present; overwrite-cache and max parallelism when
 * true / non-zero.
 */
public final class WorkflowExecutionConfigs {

  private WorkflowExecutionConfigs() {}

  /** {@code higher} with the gaps filled from {@code lower}. */
  public static WorkflowExecutionConfig merge(
      WorkflowExecutionConfig higher, WorkflowExecutionConfig lower) {
    WorkflowExecutionConfig.Builder merged = higher.toBuilder();
    if (higher.getMaxParallelism() == 0 && lower.getMaxParallelism() > 0) {
      merged.setMaxParallelism(lower.getMaxParallelism());
    }
    if (!higher.hasSecurityContext() && lower.hasSecurityContext()) {
      var runAs = lower.getSecurityContext().getRunAs();
      if (lower.getSecurityContext().hasRunAs()
          && (!runAs.getK8SServiceAccount().isEmpty()
              || !runAs.getIamRole().isEmpty()
              || !runAs.getExecutionIdentity().isEmpty())) {
        merged.setSecurityContext(lower.getSecurityContext());
      }
    }
    if (higher.getRawOutputDataConfig().getOutputLocationPrefix().isEmpty()
        && !lower.getRawOutputDataConfig().getOutputLocationPrefix().isEmpty()) {
      merged.setRawOutputDataConfig(lower.getRawOutputDataConfig());
    }
    if (higher.getLabels().getValuesCount() == 0 && lower.getLabels().getValuesCount() > 0) {
      merged.setLabels(lower.getLabels());
    }
    if (higher.getAnnotations().getValuesCount() == 0
        && lower.getAnnotations().getValuesCount() > 0) {
      merged.setAnnotations(lower.getAnnotations());
    }
    if (!higher.hasInterruptible() && lower.hasInterruptible()) {
      merged.setInterruptible(lower.getInterruptible());
    }
    if (!higher.getOverwriteCache() && lower.getOverwriteCache()) {
      merged.setOverwriteCache(true);
    }
    if (higher.getEnvs().getValuesCount() == 0 && lower.getEnvs().getValuesCount() > 0) {
      merged.setEnvs(lower.getEnvs());
    }
    return merged.build();
  }
}
