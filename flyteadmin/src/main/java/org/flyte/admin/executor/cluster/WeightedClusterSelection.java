package org.flyte.admin.executor.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flyte.admin.executor.cluster.ClustersProperties.ClusterEntity;
import org.flyte.admin.executor.cluster.WeightedChoice.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multi-cluster mode: picks the cluster of a new execution, as {@code RandomClusterSelector} of
 * {@code flyteadmin/pkg/executioncluster/impl/random_cluster_selector.go} (v1.16.8) does. The label
 * is the execution's own, else the {@code EXECUTION_CLUSTER_LABEL} attribute (looked up with the
 * workflow's name as launch plan, as Flyte does), else {@code defaultExecutionLabel}; a label
 * without enabled clusters falls through to the next, and with none left every enabled cluster
 * weighs the same. The choice is seeded by the execution's name: the same name always lands on the
 * same cluster. Disabled clusters are never chosen; an existing execution's cluster is found by id.
 */
public final class WeightedClusterSelection implements ExecutionClusters {

  private static final Logger LOG = LoggerFactory.getLogger(WeightedClusterSelection.class);

  private final Map<String, ExecutionTarget> targets;
  private final WeightedChoice<ExecutionTarget> allEnabled;
  private final Map<String, WeightedChoice<ExecutionTarget>> byLabel = new LinkedHashMap<>();
  private final String defaultLabel;
  private final ClusterLabelLookup labels;

  /**
   * @param targets every configured cluster by id
   * @param labelClusterMap label → weighted cluster ids
   * @param defaultLabel the label used when none is selected; empty for none
   * @param labels the cluster label attributes
   * @throws IllegalArgumentException when no cluster is enabled or a weight is out of range
   */
  public WeightedClusterSelection(
      Map<String, ExecutionTarget> targets,
      Map<String, List<ClusterEntity>> labelClusterMap,
      String defaultLabel,
      ClusterLabelLookup labels) {
    this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    this.defaultLabel = defaultLabel;
    this.labels = labels;
    List<Entry<ExecutionTarget>> enabled = new ArrayList<>();
    targets.values().stream()
        .filter(ExecutionTarget::enabled)
        .forEach(t -> enabled.add(new Entry<>(t.id(), t, 0)));
    this.allEnabled = new WeightedChoice<>(enabled);
    labelClusterMap.forEach(
        (label, entities) -> {
          List<Entry<ExecutionTarget>> entries = new ArrayList<>();
          for (ClusterEntity entity : entities) {
            ExecutionTarget target = targets.get(entity.id());
            if (target == null || !target.enabled()) {
              LOG.info(
                  "cluster {} of label {} is not an enabled cluster: left out", entity.id(), label);
              continue;
            }
            entries.add(new Entry<>(target.id(), target, entity.weight()));
          }
          if (!entries.isEmpty()) {
            byLabel.put(label, new WeightedChoice<>(entries));
          }
        });
  }

  @Override
  public ExecutionTarget target(TargetSpec spec) {
    if (!spec.targetId().isEmpty()) {
      ExecutionTarget target = targets.get(spec.targetId());
      if (target == null) {
        throw new IllegalArgumentException("invalid cluster target " + spec.targetId());
      }
      return target;
    }
    String label = spec.executionClusterLabel();
    if (label.isEmpty()) {
      label =
          labels
              .label(spec.project(), spec.domain(), spec.workflow(), spec.launchPlan())
              .orElse("");
    }
    WeightedChoice<ExecutionTarget> choice = label.isEmpty() ? null : byLabel.get(label);
    if (choice == null && !label.isEmpty()) {
      LOG.warn("no enabled cluster for the execution cluster label {}", label);
    }
    if (choice == null && !defaultLabel.isEmpty()) {
      choice = byLabel.get(defaultLabel);
      if (choice == null) {
        LOG.warn("no enabled cluster for the default execution label {}", defaultLabel);
      }
    }
    if (choice == null) {
      choice = allEnabled;
    }
    return choice.choose(spec.executionName());
  }

  @Override
  public Map<String, ExecutionTarget> targets() {
    return targets;
  }

  @Override
  public void close() {
    targets.values().forEach(ExecutionTarget::close);
  }
}
