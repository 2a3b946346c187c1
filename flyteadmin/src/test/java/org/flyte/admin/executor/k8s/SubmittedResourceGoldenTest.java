package org.flyte.admin.executor.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.util.JsonFormat;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionFixtures;
import org.flyte.admin.executor.ExecutionParameters;
import org.flyte.admin.executor.MockCluster;
import org.flyte.admin.executor.cluster.ExecutionTarget;
import org.flyte.admin.executor.cluster.InClusterTarget;
import org.flyte.admin.executor.resource.CustomResourceProperties;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.flyte.compiler.k8s.json.FlyteWorkflowJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the Kubernetes executor submits is Flyte's custom resource: for every workflow of Flyte's
 * {@code snacks-core} golden data with a {@code k8s/*_wf_crd.json}, an execution made as the file
 * describes (its compiled closure, the inputs the file holds, execution {@code hello/domain/name},
 * namespace {@code namespace}) is sent through {@link KubernetesWorkflowExecutor} to a Kubernetes
 * API (fabric8's mock server in CRUD mode), read back from it, and compared with the file as a JSON
 * tree. The files are made by Flyte's compiler test ({@code BuildFlyteWorkflow} alone); what
 * FlyteAdmin adds on top ({@code PrepareFlyteWorkflow} of {@code
 * flyteadmin/pkg/workflowengine/impl}, v1.16.8) and what the API server adds are the only
 * differences, each named in {@link #ADDED}.
 */
class SubmittedResourceGoldenTest {

  /** Paths where the submitted resource may differ from the golden file, and why. */
  static final Map<String, String> ADDED =
      Map.of(
          "$.metadata.finalizers",
          "FlyteAdmin adds propeller's finalizer (PrepareFlyteWorkflow)",
          "$.executionId",
          "FlyteAdmin sets the execution's id (PrepareFlyteWorkflow); the compiler test leaves it"
              + " empty",
          "$.acceptedAt",
          "FlyteAdmin stamps the acceptance time (PrepareFlyteWorkflow)",
          "$.executionConfig.TaskPluginImpls",
          "FlyteAdmin's executionConfig starts from an empty plugin map, {} where the compiler"
              + " test leaves nil (addExecutionOverrides)",
          "$.workflowMeta",
          "FlyteAdmin records the event version (PrepareFlyteWorkflow)",
          "$.metadata.uid",
          "added by the API server",
          "$.metadata.resourceVersion",
          "added by the API server",
          "$.metadata.creationTimestamp",
          "added by the API server",
          "$.metadata.generation",
          "added by the API server",
          "$.metadata.managedFields",
          "added by the API server");

  private static final FlyteWorkflowFactory FACTORY =
      new FlyteWorkflowFactory(new CustomResourceProperties(false, false, ""));
  private static MockCluster cluster;
  private static KubernetesWorkflowExecutor executor;

  @BeforeAll
  static void start() {
    cluster = new MockCluster();
    executor =
        new KubernetesWorkflowExecutor(
            FACTORY, new InClusterTarget(new ExecutionTarget("", cluster.client(), true)));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @TestFactory
  Stream<DynamicTest> everySubmittedResourceIsFlytesUpToWhatAdminAdds() throws IOException {
    Path folder = golden();
    if (folder == null) {
      return Stream.of(
          DynamicTest.dynamicTest(
              "golden data snacks-core",
              () ->
                  assumeTrue(
                      false,
                      "Flyte's compiler golden data (snacks-core/) is not here: copy"
                          + " flytepropeller/pkg/compiler/test/testdata of flyteorg/flyte v1.16.8"
                          + " to ../shared/testdata/compiler next to this checkout")));
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder.resolve("k8s"))) {
      files = list.filter(p -> p.toString().endsWith("_wf_crd.json")).sorted().toList();
    }
    assertThat(files).hasSize(43);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(), () -> submitAndCompare(folder, file)));
  }

  private void submitAndCompare(Path folder, Path file) throws IOException {
    JsonObject expected = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    String name = file.getFileName().toString().replace("_crd.json", "");
    CompiledWorkflowClosure.Builder closure = CompiledWorkflowClosure.newBuilder();
    JsonFormat.parser()
        .merge(Files.readString(folder.resolve("compiled").resolve(name + ".json")), closure);
    LiteralMap inputs = FlyteWorkflowJson.fromJson(expected).inputs();
    WorkflowExecutionIdentifier id =
        WorkflowExecutionIdentifier.newBuilder()
            .setProject("hello")
            .setDomain("domain")
            .setName("name")
            .build();
    ExecutionParameters plain = ExecutionFixtures.plainParameters(null);
    ExecutionParameters parameters =
        new ExecutionParameters(
            inputs == null ? LiteralMap.getDefaultInstance() : inputs,
            plain.acceptedAt(),
            plain.labels(),
            plain.annotations(),
            plain.taskPluginOverrides(),
            plain.executionConfig(),
            plain.recoveryExecution(),
            plain.taskResources(),
            plain.eventVersion(),
            plain.roleNameKey(),
            plain.rawOutputDataConfig(),
            plain.clusterAssignment(),
            plain.executionClusterLabel());
    String workflow = closure.getPrimary().getTemplate().getId().getName();
    JsonObject submitted;
    try {
      executor.execute(
          new ExecutionData(
              "namespace", id, workflow, workflow, closure.build(), "", parameters, ""));
      submitted =
          JsonParser.parseString(Serialization.asJson(cluster.flyteWorkflow("namespace", "name")))
              .getAsJsonObject();
    } finally {
      executor.abort(new AbortData("namespace", id, ""));
      // The API server only marks it deleted: propeller's finalizer holds it until propeller,
      // played here, has cleaned up and removes the finalizer.
      var deleted = cluster.flyteWorkflow("namespace", "name");
      if (deleted != null) {
        assertThat(deleted.getMetadata().getDeletionTimestamp()).isNotNull();
        cluster
            .client()
            .genericKubernetesResources(KubernetesWorkflowExecutor.FLYTE_WORKFLOWS)
            .inNamespace("namespace")
            .withName("name")
            .edit(
                r -> {
                  r.getMetadata().setFinalizers(List.of());
                  return r;
                });
      }
    }
    assertThat(cluster.flyteWorkflow("namespace", "name")).isNull();
    List<String> unexplained = new ArrayList<>();
    for (String difference : differences("$", expected, submitted)) {
      if (ADDED.keySet().stream().noneMatch(difference::startsWith)) {
        unexplained.add(difference);
      }
    }
    assertThat(unexplained).isEmpty();
    assertThat(submitted.getAsJsonObject("metadata").get("finalizers").toString())
        .isEqualTo("[\"flyte.org/finalizer\"]");
    assertThat(submitted.getAsJsonObject("executionId").get("name").getAsString())
        .isEqualTo("name");
  }

  /** Differences between two trees, by path; numbers compared by their text. */
  private static List<String> differences(String path, JsonElement expected, JsonElement actual) {
    List<String> out = new ArrayList<>();
    if (expected == null || actual == null) {
      if (expected != actual) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
    } else if (expected.isJsonObject() && actual.isJsonObject()) {
      Set<String> keys = new TreeSet<>(expected.getAsJsonObject().keySet());
      keys.addAll(actual.getAsJsonObject().keySet());
      for (String key : keys) {
        out.addAll(
            differences(
                path + "." + key,
                expected.getAsJsonObject().get(key),
                actual.getAsJsonObject().get(key)));
      }
    } else if (expected.isJsonArray() && actual.isJsonArray()) {
      JsonArray e = expected.getAsJsonArray();
      JsonArray a = actual.getAsJsonArray();
      if (e.size() != a.size()) {
        out.add(path + ": expected " + e + " but was " + a);
      } else {
        for (int i = 0; i < e.size(); i++) {
          out.addAll(differences(path + "[" + i + "]", e.get(i), a.get(i)));
        }
      }
    } else if (expected.isJsonPrimitive()
        && actual.isJsonPrimitive()
        && expected.getAsJsonPrimitive().isNumber()
        && actual.getAsJsonPrimitive().isNumber()) {
      if (!expected.getAsNumber().toString().equals(actual.getAsNumber().toString())) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + " but was " + actual);
    }
    return out;
  }

  /** {@code shared/testdata/compiler/snacks-core} here or in a directory above, or null. */
  private static Path golden() {
    String property = System.getProperty("flyte.golden.dir");
    if (property != null) {
      Path folder = Path.of(property).resolve("snacks-core");
      return Files.isDirectory(folder) ? folder : null;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path folder = dir.resolve("shared/testdata/compiler/snacks-core");
      if (Files.isDirectory(folder)) {
        return folder;
      }
    }
    return null;
  }
}
