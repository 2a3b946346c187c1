package org.flyte.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flyte.compiler.k8s.FlyteWorkflowBuilder;
import org.flyte.compiler.k8s.json.FlyteWorkflowJson;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code FlyteWorkflow} custom resources of {@code snacks-core} are exactly Flyte's: for every
 * workflow with a {@code k8s/*_wf_crd.json}, the resource built from its compiled closure (the
 * {@code compiled/*_wf.json} Flyte's {@code compiler_test.go} v1.16.8 starts from, inputs set to
 * defaults, execution {@code hello/domain/name}, namespace {@code namespace}) equals the file as a
 * JSON tree, numbers compared by their text. And every golden resource read into the typed model
 * writes back to the same tree.
 *
 * <p>No difference remains in {@code snacks-core}: 43 of 43 are equal. {@code branch/} is not
 * authoritative and is covered, with its stale parts named, by {@link
 * BranchFlyteWorkflowGoldenTest}; {@code dynamic/} has no custom resource.
 */
class FlyteWorkflowGoldenTest {

  private static final WorkflowExecutionIdentifier EXECUTION =
      WorkflowExecutionIdentifier.newBuilder()
          .setProject("hello")
          .setDomain("domain")
          .setName("name")
          .build();

  @TestFactory
  Stream<DynamicTest> everyCustomResourceIsFlytes() {
    Path folder = GoldenData.folderOrNull("snacks-core");
    if (folder == null) {
      return GoldenData.absent("snacks-core");
    }
    List<Path> files = customResources(folder, "_wf_crd.json");
    assertThat(files).hasSize(43);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      String name = file.getFileName().toString().replace("_crd.json", "");
                      CompiledWorkflowClosure closure =
                          GoldenData.readJson(
                                  folder.resolve("compiled").resolve(name + ".json"),
                                  CompiledWorkflowClosure.newBuilder())
                              .build();
                      assertThat(JsonTrees.differences(read(file), buildAsFlytesTestDoes(closure)))
                          .isEmpty();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenResourceReadsAndWritesBackUnchanged() {
    Path folder = GoldenData.folderOrNull("snacks-core");
    if (folder == null) {
      return GoldenData.absent("snacks-core");
    }
    return customResources(folder, "_wf_crd.json").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      JsonObject golden = read(file);
                      FlyteWorkflow parsed = FlyteWorkflowJson.fromJson(golden);
                      assertThat(JsonTrees.differences(golden, FlyteWorkflowJson.toJson(parsed)))
                          .isEmpty();
                      assertThat(FlyteWorkflowJson.read(FlyteWorkflowJson.write(parsed)))
                          .isEqualTo(parsed);
                    }));
  }

  /** The files of {@code folder/k8s} whose names end with {@code suffix}, sorted. */
  /**
   * The resource Flyte's test builds for {@code closure}: inputs set to defaults, execution {@code
   * hello/domain/name}, namespace {@code namespace}.
   */
  static JsonObject buildAsFlytesTestDoes(CompiledWorkflowClosure closure) {
    FlyteWorkflow built =
        FlyteWorkflowBuilder.build(
            closure,
            DefaultLiterals.forInterface(closure.getPrimary().getTemplate().getInterface()),
            EXECUTION,
            "namespace");
    return FlyteWorkflowJson.toJson(built);
  }

  static List<Path> customResources(Path folder, String suffix) {
    try (Stream<Path> list = Files.list(folder.resolve("k8s"))) {
      return list.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject read(Path file) {
    try {
      JsonElement tree = JsonParser.parseString(Files.readString(file));
      return tree.getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
