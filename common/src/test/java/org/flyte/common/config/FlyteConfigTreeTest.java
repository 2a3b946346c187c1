package org.flyte.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class FlyteConfigTreeTest {

  @TempDir Path dir;

  @Test
  void readsASubtreeOfFlyteFilesWithItsKeysAsWritten() throws Exception {
    Files.writeString(
        dir.resolve("cluster_resources.yaml"),
        """
        cluster_resources:
          customData:
            - production:
                - projectQuotaCpu:
                    value: "5"
            - staging:
                projectQuotaCpu:
                  valueFrom:
                    env: CPU
        """);
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "files",
                FlyteConfigFiles.load(FlyteConfigFiles.expand(List.of(dir + "/*.yaml")), "flyte")));
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "args",
                Map.of(
                    "flyte.cluster-resources.custom-data[0].production[0].projectQuotaCpu.value",
                    "7")));

    Object tree = FlyteConfigTree.read(environment, "flyte.cluster_resources.customData");

    assertThat(tree)
        .isEqualTo(
            List.of(
                Map.of("production", List.of(Map.of("projectQuotaCpu", Map.of("value", "7")))),
                Map.of(
                    "staging",
                    Map.of("projectQuotaCpu", Map.of("valueFrom", Map.of("env", "CPU"))))));
    Map<String, Object> domains = FlyteConfigTree.asMap(tree, "customData");
    assertThat(domains).containsOnlyKeys("production", "staging");
    assertThat(FlyteConfigTree.asMap(domains.get("production"), "production"))
        .containsOnlyKeys("projectQuotaCpu");
    assertThat(FlyteConfigTree.read(environment, "flyte.cluster_resources.templateData")).isNull();
  }

  @Test
  void refusesWhatIsNoMap() {
    assertThatThrownBy(() -> FlyteConfigTree.asMap(List.of("a", "b"), "customData"))
        .hasMessage("customData must be a map, or a list of single-key maps; found [a, b]");
    assertThatThrownBy(() -> FlyteConfigTree.asMap("text", "customData"))
        .hasMessage("customData must be a map; found 'text'");
  }
}
