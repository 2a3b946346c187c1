package org.flyte.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code branch/k8s} custom resources (not authoritative: Flyte's test of this folder is
 * commented out at v1.16.8 and the files were written by older code) equal ours once each stale
 * part of the expected file is brought up to date. The differences, each named with its reason:
 *
 * <ol>
 *   <li>task keys and node {@code task} references end with a space: an older Go text format wrote
 *       one after the last field; v1.16.8 (and snacks-core) does not;
 *   <li>nodes without retries carry {@code retry: {minAttempts: 1}}: older builders wrote it for
 *       zero retries; v1.16.8's {@code computeRetryStrategy} leaves it out;
 *   <li>variables of the workflow's outputs and of the tasks' interfaces keep their {@code
 *       description}: v1.16.8's {@code StripInterfaceTypeMetadata} clears it;
 *   <li>a branch's {@code elseFail} is written {@code failedNodeId}: with v1.16.8's Go types it is
 *       a plain struct, written {@code failed_node_id} (as in snacks-core);
 *   <li>{@code metadata.creationTimestamp: null}: older Kubernetes libraries wrote the zero time;
 *   <li>{@code executionConfig} lacks {@code OverwriteCache} and {@code EnvironmentVariables},
 *       fields added to {@code v1alpha1.ExecutionConfig} after the files were written.
 * </ol>
 */
class BranchFlyteWorkflowGoldenTest {

  @TestFactory
  Stream<DynamicTest> branchCustomResourcesAreFlytesOnceTheirStalePartsAreUpdated() {
    Path folder = GoldenData.folderOrNull("branch");
    if (folder == null) {
      return GoldenData.absent("branch");
    }
    List<Path> files = FlyteWorkflowGoldenTest.customResources(folder, "");
    assertThat(files).hasSize(12);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      CompiledWorkflowClosure closure =
                          GoldenData.readJson(
                                  folder.resolve("compiled").resolve(file.getFileName()),
                                  CompiledWorkflowClosure.newBuilder())
                              .build();
                      JsonObject built = FlyteWorkflowGoldenTest.buildAsFlytesTestDoes(closure);
                      JsonObject expected = updated(FlyteWorkflowGoldenTest.read(file));
                      assertThat(JsonTrees.differences(expected, built)).isEmpty();
                    }));
  }

  private static JsonObject updated(JsonObject golden) {
    JsonObject tasks = new JsonObject();
    for (Map.Entry<String, JsonElement> e : golden.getAsJsonObject("tasks").entrySet()) {
      JsonObject iface = e.getValue().getAsJsonObject().getAsJsonObject("interface");
      if (iface != null) {
        withoutDescriptions(iface.getAsJsonObject("inputs"));
        withoutDescriptions(iface.getAsJsonObject("outputs"));
      }
      tasks.add(e.getKey().strip(), e.getValue());
    }
    golden.add("tasks", tasks);
    JsonObject spec = golden.getAsJsonObject("spec");
    for (Map.Entry<String, JsonElement> e : spec.getAsJsonObject("nodes").entrySet()) {
      JsonObject node = e.getValue().getAsJsonObject();
      if (node.has("task")) {
        node.addProperty("task", node.get("task").getAsString().strip());
      }
      JsonObject retry = node.getAsJsonObject("retry");
      if (retry != null && retry.get("minAttempts").getAsInt() == 1) {
        node.remove("retry");
      }
      JsonObject branch = node.getAsJsonObject("branch");
      if (branch != null && branch.has("elseFail")) {
        JsonObject elseFail = branch.getAsJsonObject("elseFail");
        if (elseFail.has("failedNodeId")) {
          elseFail.add("failed_node_id", elseFail.remove("failedNodeId"));
        }
      }
    }
    withoutDescriptions(spec.getAsJsonObject("outputs"));
    golden.getAsJsonObject("metadata").remove("creationTimestamp");
    JsonObject config = golden.getAsJsonObject("executionConfig");
    if (!config.has("OverwriteCache")) {
      config.addProperty("OverwriteCache", false);
    }
    if (!config.has("EnvironmentVariables")) {
      config.add("EnvironmentVariables", JsonNull.INSTANCE);
    }
    return golden;
  }

  private static void withoutDescriptions(JsonObject variableMap) {
    if (variableMap != null && variableMap.has("variables")) {
      variableMap
          .getAsJsonObject("variables")
          .entrySet()
          .forEach(v -> v.getValue().getAsJsonObject().remove("description"));
    }
  }
}
