package org.flyte.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.WorkflowTemplate;
import flyteidl.core.WorkflowClosureOuterClass.WorkflowClosure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flyte.compiler.TaskCompiler;
import org.flyte.compiler.WorkflowCompiler;
import org.flyte.compiler.WorkflowRequirements;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.errors.ErrorCode;
import org.flyte.compiler.graph.Identifiers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every task and workflow of {@code snacks-core} (183 entities flytekit serialized from the
 * flytesnacks examples) compiles to exactly Flyte's expected output, compared as protobuf messages,
 * the way Flyte's own {@code compiler_test.go} does at v1.16.8: tasks first (with the three config
 * entries Flyte's test adds to every container), then each workflow with the tasks its requirements
 * name, no sub-workflows and no launch plans. Launch plans ({@code _3.pb}) are skipped, as Flyte's
 * test skips them.
 *
 * <p>Known difference, named: {@code 064 parent_wf} and {@code 066 nested_parent_wf} are admin
 * {@code WorkflowSpec}s with sub-workflows, which Flyte's test cannot parse as {@code
 * WorkflowClosure}s and skips, so there is no expected output for them. Here they must fail without
 * their sub-workflows as Flyte's requirements step fails, and compile with them.
 */
class SnacksCoreGoldenTest {

  @TestFactory
  Stream<DynamicTest> everyTaskAndWorkflowCompilesAsFlyteDoes() throws IOException {
    Path folder = GoldenData.folderOrNull("snacks-core");
    if (folder == null) {
      return GoldenData.absent("snacks-core");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".pb")).sorted().toList();
    }
    Map<String, CompiledTask> compiledTasks = new LinkedHashMap<>();
    Map<String, WorkflowSpec> workflows = new LinkedHashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      String name = baseName(file);
      if (name.endsWith("_1")) {
        TaskTemplate task = withFlyteTestConfig(parseTask(file));
        tests.add(
            DynamicTest.dynamicTest(
                "task " + name,
                () -> {
                  CompiledTask compiled = TaskCompiler.compileTask(task);
                  compiledTasks.put(Identifiers.key(task.getId()), compiled);
                  CompiledTask expected =
                      GoldenData.readJson(
                              folder.resolve("compiled").resolve(name + "_task.json"),
                              CompiledTask.newBuilder())
                          .build();
                  assertThat(compiled).isEqualTo(expected);
                }));
      } else if (name.endsWith("_2")) {
        workflows.put(name, parseWorkflow(file));
      }
    }
    for (Map.Entry<String, WorkflowSpec> e : workflows.entrySet()) {
      String name = e.getKey();
      WorkflowSpec spec = e.getValue();
      Path expectedFile = folder.resolve("compiled").resolve(name + "_wf.json");
      if (spec.getSubWorkflowsCount() > 0) {
        assertThat(expectedFile).doesNotExist();
        tests.add(
            DynamicTest.dynamicTest(
                "workflow " + name + " (no golden output: a WorkflowSpec with sub-workflows)",
                () -> compilesWithItsSubWorkflows(spec, compiledTasks)));
        continue;
      }
      WorkflowTemplate workflow = spec.getTemplate();
      tests.add(
          DynamicTest.dynamicTest(
              "workflow " + name,
              () -> {
                CompiledWorkflowClosure compiled =
                    WorkflowCompiler.compileWorkflow(
                        workflow,
                        List.of(),
                        tasksFor(workflow, List.of(), compiledTasks),
                        List.of());
                CompiledWorkflowClosure expected =
                    GoldenData.readJson(expectedFile, CompiledWorkflowClosure.newBuilder()).build();
                assertThat(compiled).isEqualTo(expected);
              }));
    }
    assertThat(files).hasSize(183);
    return tests.stream();
  }

  /**
   * A workflow calling sub-workflows: without them it fails as Flyte's requirements step fails
   * (Flyte's test cannot even read the file as a {@code WorkflowClosure} and skips it); with them
   * it compiles, and so do the sub-workflows it calls.
   */
  private static void compilesWithItsSubWorkflows(
      WorkflowSpec spec, Map<String, CompiledTask> compiledTasks) {
    WorkflowTemplate workflow = spec.getTemplate();
    assertThatThrownBy(() -> WorkflowCompiler.requirements(workflow, List.of()))
        .isInstanceOfSatisfying(
            CompileException.class,
            ex ->
                assertThat(ex.errors())
                    .extracting(err -> err.code())
                    .containsOnly(ErrorCode.WORKFLOW_REFERENCE_NOT_FOUND));
    List<WorkflowTemplate> subWorkflows = spec.getSubWorkflowsList();
    CompiledWorkflowClosure compiled =
        WorkflowCompiler.compileWorkflow(
            workflow, subWorkflows, tasksFor(workflow, subWorkflows, compiledTasks), List.of());
    assertThat(compiled.getPrimary().getTemplate().getNodesList())
        .extracting(n -> n.getId())
        .startsWith("start-node", "end-node");
    assertThat(compiled.getSubWorkflowsList()).hasSize(subWorkflows.size());
    assertThat(compiled.getSubWorkflowsList())
        .allSatisfy(
            sub -> {
              assertThat(sub.hasConnections()).isTrue();
              assertThat(sub.getTemplate().getNodes(0).getId()).isEqualTo("start-node");
            });
  }

  private static List<CompiledTask> tasksFor(
      WorkflowTemplate workflow,
      List<WorkflowTemplate> subWorkflows,
      Map<String, CompiledTask> compiledTasks) {
    WorkflowRequirements requirements = WorkflowCompiler.requirements(workflow, subWorkflows);
    List<CompiledTask> tasks = new ArrayList<>();
    for (Identifier id : requirements.taskIds()) {
      CompiledTask task = compiledTasks.get(Identifiers.key(id));
      assertThat(task).as("compiled task %s", Identifiers.key(id)).isNotNull();
      tasks.add(task);
    }
    return tasks;
  }

  /** Flyte's compiler test adds three config entries to every container task before compiling. */
  private static TaskTemplate withFlyteTestConfig(TaskTemplate task) {
    if (!task.hasContainer()) {
      return task;
    }
    TaskTemplate.Builder b = task.toBuilder();
    for (int i = 1; i <= 3; i++) {
      b.getContainerBuilder()
          .addConfig(
              KeyValuePair.newBuilder().setKey("testKey" + i).setValue("testValue" + i).build());
    }
    return b.build();
  }

  private static TaskTemplate parseTask(Path file) {
    try {
      return TaskSpec.parseFrom(GoldenData.readBytes(file)).getTemplate();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }

  /**
   * A workflow entity: a {@code WorkflowClosure} (workflow and tasks) or, for the two entities with
   * sub-workflows, an admin {@code WorkflowSpec} (template and sub-workflows).
   */
  private static WorkflowSpec parseWorkflow(Path file) {
    byte[] bytes = GoldenData.readBytes(file);
    try {
      return WorkflowSpec.newBuilder()
          .setTemplate(WorkflowClosure.parseFrom(bytes).getWorkflow())
          .build();
    } catch (InvalidProtocolBufferException notAClosure) {
      try {
        return WorkflowSpec.parseFrom(bytes);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException(file.toString(), e);
      }
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".pb".length());
  }
}
