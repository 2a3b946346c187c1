package org.flyte.admin.executor.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.flyte.admin.executor.cluster.ClustersProperties.Auth;
import org.flyte.admin.executor.cluster.ClustersProperties.ClusterConfig;
import org.flyte.admin.executor.cluster.ClustersProperties.ClusterEntity;
import org.junit.jupiter.api.Test;

class ClustersPropertiesTest {

  private static ClusterConfig cluster(String name, boolean enabled) {
    return new ClusterConfig(
        name, "https://k8s", new Auth("file_path", "/t", "/c"), enabled, null, false);
  }

  private static ClustersProperties props(
      List<ClusterConfig> clusters, Map<String, List<ClusterEntity>> labels) {
    return new ClustersProperties(clusters, labels, "");
  }

  @Test
  void aWorkingConfigurationPasses() {
    assertThatCode(
            () ->
                props(
                        List.of(cluster("a", true), cluster("b", false)),
                        Map.of("l", List.of(new ClusterEntity("a", 1))))
                    .validate())
        .doesNotThrowAnyException();
    assertThatCode(() -> props(List.of(), Map.of()).validate()).doesNotThrowAnyException();
  }

  @Test
  void whatCannotWorkFailsStartUpNamingTheKey() {
    assertThatThrownBy(
            () -> props(List.of(cluster("a", true), cluster("a", true)), Map.of()).validate())
        .hasMessage("duplicate clusters for name a");
    assertThatThrownBy(() -> props(List.of(cluster("a", false)), Map.of()).validate())
        .hasMessage(
            "no cluster of flyte.clusters.clusterConfigs is enabled: executions could go nowhere");
    assertThatThrownBy(
            () ->
                props(
                        List.of(
                            new ClusterConfig("a", "", new Auth("", "", ""), true, null, false)),
                        Map.of())
                    .validate())
        .hasMessage(
            "flyte.clusters.clusterConfigs[0].endpoint is required unless inCluster is true");
    assertThatThrownBy(
            () ->
                props(
                        List.of(
                            new ClusterConfig(
                                "a", "https://k", new Auth("oidc", "", ""), true, null, false)),
                        Map.of())
                    .validate())
        .hasMessage(
            "flyte.clusters.clusterConfigs[0].auth.type must be file_path (token and certificate"
                + " files), not oidc");
    assertThatThrownBy(
            () ->
                props(List.of(cluster("a", true)), Map.of("l", List.of(new ClusterEntity("a", 2))))
                    .validate())
        .hasMessage(
            "invalid weight 2.0 of cluster a in flyte.clusters.labelClusterMap.l: weights are"
                + " between 0 and 1");
  }
}
