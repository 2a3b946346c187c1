package org.flyte.admin.executor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionFixtures;
import org.flyte.admin.executor.MockCluster;
import org.flyte.admin.executor.cluster.ClustersProperties.ClusterEntity;
import org.flyte.admin.executor.k8s.KubernetesWorkflowExecutor;
import org.flyte.admin.executor.resource.CustomResourceProperties;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multi-cluster selection with two Kubernetes APIs (fabric8 mock servers in CRUD mode): {@code
 * east} and {@code west} enabled, {@code retired} disabled (its client points at {@code east}, so a
 * wrong choice would be visible only through the returned id).
 */
class WeightedClusterSelectionTest {

  private static MockCluster east;
  private static MockCluster west;
  private static Map<String, ExecutionTarget> targets;

  @BeforeAll
  static void start() {
    east = new MockCluster();
    west = new MockCluster();
    targets = new LinkedHashMap<>();
    targets.put("east", new ExecutionTarget("east", east.client(), true));
    targets.put("west", new ExecutionTarget("west", west.client(), true));
    targets.put("retired", new ExecutionTarget("retired", east.client(), false));
  }

  @AfterAll
  static void stop() {
    east.close();
    west.close();
  }

  private static WeightedClusterSelection selection(
      String defaultLabel, ClusterLabelLookup lookup) {
    return new WeightedClusterSelection(
        targets,
        Map.of(
            "gpu", List.of(new ClusterEntity("east", 0.25f), new ClusterEntity("west", 0.75f)),
            "west-only", List.of(new ClusterEntity("west", 1)),
            "old", List.of(new ClusterEntity("retired", 1)),
            "with-retired",
                List.of(new ClusterEntity("retired", 1), new ClusterEntity("east", 0.1f))),
        defaultLabel,
        lookup);
  }

  private static TargetSpec spec(String name, String label) {
    return new TargetSpec("", name, "p", "d", "wf", "wf", label);
  }

  @Test
  void theSameNameAlwaysLandsOnTheSameCluster() {
    for (int i = 0; i < 200; i++) {
      String name = "exec-" + i;
      String first = selection("", ClusterLabelLookup.NONE).target(spec(name, "gpu")).id();
      for (int j = 0; j < 5; j++) {
        assertThat(selection("", ClusterLabelLookup.NONE).target(spec(name, "gpu")).id())
            .isEqualTo(first);
      }
    }
  }

  @Test
  void weightsAreRespectedOverManyNames() {
    WeightedClusterSelection selection = selection("", ClusterLabelLookup.NONE);
    Map<String, Integer> counts = new HashMap<>();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      counts.merge(
          selection.target(spec("f" + Integer.toHexString(i * 7919), "gpu")).id(), 1, Integer::sum);
    }
    assertThat(counts).containsOnlyKeys("east", "west");
    assertThat(counts.get("west") / (double) n).isCloseTo(0.75, within(0.02));
    // without any label every enabled cluster weighs the same
    counts.clear();
    for (int i = 0; i < n; i++) {
      counts.merge(selection.target(spec("g" + i, "")).id(), 1, Integer::sum);
    }
    assertThat(counts).containsOnlyKeys("east", "west");
    assertThat(counts.get("east") / (double) n).isCloseTo(0.5, within(0.02));
  }

  @Test
  void disabledClustersAreNeverChosen() {
    WeightedClusterSelection selection = selection("", ClusterLabelLookup.NONE);
    for (int i = 0; i < 2_000; i++) {
      assertThat(selection.target(spec("x" + i, "old")).id()).isNotEqualTo("retired");
      assertThat(selection.target(spec("x" + i, "with-retired")).id()).isEqualTo("east");
      assertThat(selection.target(spec("x" + i, "")).id()).isNotEqualTo("retired");
    }
    // but an execution already running there is still found (to abort it)
    assertThat(selection.target(TargetSpec.of("retired")).id()).isEqualTo("retired");
  }

  @Test
  void anUnknownLabelFallsThroughToTheDefaultLabelAsInFlyte() {
    WeightedClusterSelection selection = selection("west-only", ClusterLabelLookup.NONE);
    for (int i = 0; i < 100; i++) {
      assertThat(selection.target(spec("u" + i, "no-such-label")).id()).isEqualTo("west");
      assertThat(selection.target(spec("u" + i, "")).id()).isEqualTo("west");
    }
  }

  @Test
  void theLabelAttributeIsUsedWhenTheExecutionHasNone() {
    List<List<String>> asked = new java.util.ArrayList<>();
    ClusterLabelLookup lookup =
        (project, domain, workflow, launchPlan) -> {
          asked.add(List.of(project, domain, workflow, launchPlan));
          return Optional.of("west-only");
        };
    WeightedClusterSelection selection = selection("", lookup);
    assertThat(selection.target(spec("a1", "")).id()).isEqualTo("west");
    assertThat(asked).containsExactly(List.of("p", "d", "wf", "wf"));
    // the execution's own label wins and the attribute is not looked up
    assertThat(selection.target(spec("a1", "old")).id()).isIn("east", "west");
    assertThat(asked).hasSize(1);
  }

  @Test
  void anUnknownTargetIdIsFlytesError() {
    assertThatThrownBy(() -> selection("", ClusterLabelLookup.NONE).target(TargetSpec.of("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid cluster target nope");
  }

  @Test
  void executionsAreCreatedOnTheChosenClusterAndAbortedThere() {
    KubernetesWorkflowExecutor executor =
        new KubernetesWorkflowExecutor(
            new FlyteWorkflowFactory(new CustomResourceProperties(false, false, "")),
            selection("", ClusterLabelLookup.NONE));
    for (int i = 0; i < 20; i++) {
      ExecutionData data =
          ExecutionFixtures.data("mc" + i, ExecutionFixtures.plainParameters("gpu"));
      String cluster = executor.execute(data).cluster();
      MockCluster chosen = cluster.equals("east") ? east : west;
      MockCluster other = cluster.equals("east") ? west : east;
      assertThat(chosen.flyteWorkflow(data.namespace(), "mc" + i)).isNotNull();
      assertThat(other.flyteWorkflow(data.namespace(), "mc" + i)).isNull();
      executor.abort(
          new org.flyte.admin.executor.AbortData(data.namespace(), data.executionId(), cluster));
      assertThat(
              chosen.flyteWorkflow(data.namespace(), "mc" + i).getMetadata().getDeletionTimestamp())
          .isNotNull();
    }
    assertThatThrownBy(
            () ->
                executor.abort(
                    new org.flyte.admin.executor.AbortData(
                        "ns", ExecutionFixtures.executionId("x"), "gone")))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> assertThat(e.getMessage()).isEqualTo("invalid cluster target gone"));
  }

  @Test
  void weightsOutsideZeroToOneAndEmptyChoicesAreRefused() {
    assertThatThrownBy(() -> new WeightedChoice<>(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entries is empty");
    assertThatThrownBy(
            () -> new WeightedChoice<>(List.of(new WeightedChoice.Entry<>("a", "a", 1.5f))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid weight 1.5 of a");
    // zero weights are left out unless all are zero
    WeightedChoice<String> mixed =
        new WeightedChoice<>(
            List.of(
                new WeightedChoice.Entry<>("a", "a", 0),
                new WeightedChoice.Entry<>("b", "b", 0.5f)));
    assertThat(mixed.items()).containsExactly("b");
    WeightedChoice<String> zeros =
        new WeightedChoice<>(
            List.of(
                new WeightedChoice.Entry<>("b", "b", 0), new WeightedChoice.Entry<>("a", "a", 0)));
    assertThat(zeros.items()).containsExactly("a", "b");
  }
}
