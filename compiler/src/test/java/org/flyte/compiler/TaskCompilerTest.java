package org.flyte.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flyte.compiler.Dsl.*;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.K8sPod;
import flyteidl.core.Tasks.Resources;
import flyteidl.core.Tasks.Sql;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.stream.Stream;
import org.flyte.compiler.errors.CompileError;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.errors.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Task compilation; every pod spec outcome below was checked against Flyte's own compiler. */
class TaskCompilerTest {

  @Test
  void aValidContainerTaskCompilesToItself() {
    TaskTemplate task = taskTemplate("t", vars("x", INT), vars("o", INT));
    assertThat(TaskCompiler.compileTask(task))
        .isEqualTo(CompiledTask.newBuilder().setTemplate(task).build());
  }

  @Test
  void reportsEveryContainerProblemAtOnce() {
    TaskTemplate task =
        TaskTemplate.newBuilder()
            .setInterface(iface(vars("x", INT), vars()))
            .setContainer(
                Container.newBuilder()
                    .setResources(
                        Resources.newBuilder()
                            .addRequests(entry(Resources.ResourceName.CPU, "lots"))
                            .addLimits(entry(Resources.ResourceName.MEMORY, "1KiB"))))
            .build();
    assertThatThrownBy(() -> TaskCompiler.compileTask(task))
        .isInstanceOfSatisfying(
            CompileException.class,
            e ->
                assertThat(e.text())
                    .isEqualTo(
                        """
                        Collected Errors: 5
                        \tError 0: Code: UnrecognizedValue, Node Id: resources.CPU, Description: Unrecognized value [lots].
                        \tError 1: Code: UnrecognizedValue, Node Id: resources.MEMORY, Description: Unrecognized value [1KiB].
                        \tError 2: Code: ValueRequired, Node Id: container, Description: Value required [command].
                        \tError 3: Code: ValueRequired, Node Id: container, Description: Value required [image].
                        \tError 4: Code: ValueRequired, Node Id: root, Description: Value required [Id].
                        """));
  }

  @Test
  void aContainerWithoutInputsOrOutputsNeedsNoCommand() {
    TaskTemplate task =
        TaskTemplate.newBuilder()
            .setId(taskId("t"))
            .setInterface(iface(vars(), vars()))
            .setContainer(Container.newBuilder().setImage("image"))
            .build();
    assertThat(TaskCompiler.compileTask(task).getTemplate()).isEqualTo(task);
  }

  @Test
  void otherTargetsAreNotChecked() {
    TaskTemplate task =
        TaskTemplate.newBuilder().setId(taskId("q")).setSql(Sql.newBuilder()).build();
    assertThat(TaskCompiler.compileTask(task).getTemplate()).isEqualTo(task);
  }

  @Test
  void aPodTaskNeedsAPodSpec() {
    TaskTemplate task =
        TaskTemplate.newBuilder().setId(taskId("p")).setK8SPod(K8sPod.newBuilder()).build();
    assertThat(errors(task))
        .containsExactly(
            new CompileError(ErrorCode.INVALID_VALUE, "root", "Invalid value [k8s pod spec]."));
  }

  static Stream<Arguments> podSpecs() {
    return Stream.of(
        Arguments.of("{}", "ok"),
        Arguments.of("{\"containers\": [{\"name\": \"main\"}]}", "ok"),
        Arguments.of("{\"containers\": [{\"name\": \"Main\"}]}", "name"),
        Arguments.of("{\"containers\": [{\"name\": \"a.b\"}]}", "name"),
        Arguments.of("{\"containers\": [{\"name\": \"\"}]}", "name"),
        Arguments.of("{\"containers\": [{}]}", "name"),
        Arguments.of("{\"containers\": [null]}", "name"),
        Arguments.of("{\"containers\": \"x\"}", "spec"),
        Arguments.of("{\"containers\": [{\"name\": \"main\", \"image\": 5}]}", "spec"),
        Arguments.of("{\"containers\": [{\"name\": \"main\", \"command\": [\"a\", 1]}]}", "spec"),
        Arguments.of("{\"containers\": [{\"name\": \"main\", \"command\": [\"a\", null]}]}", "ok"),
        Arguments.of(
            "{\"containers\": [{\"name\": \"main\", \"resources\": {\"limits\": {\"cpu\": \"1\"}}}]}",
            "ok"),
        Arguments.of(
            "{\"containers\": [{\"name\": \"main\", \"resources\": {\"limits\": {\"cpu\": \"abc\"}}}]}",
            "spec"),
        Arguments.of(
            "{\"containers\": [{\"name\": \"main\", \"resources\": {\"limits\": {\"cpu\": 2}}}]}",
            "ok"),
        Arguments.of(
            "{\"containers\": [{\"name\": \"main\", \"resources\": {\"limits\": {\"cpu\": 0.5}}}]}",
            "ok"),
        Arguments.of(
            "{\"containers\": [{\"name\": \"main\", \"env\": [{\"name\": \"A\", \"value\": 1}]}]}",
            "spec"),
        Arguments.of(
            "{\"containers\": [{\"name\": \"main\", \"env\": [{\"name\": \"A\", \"value\": \"1\"}]}]}",
            "ok"),
        Arguments.of("{\"Containers\": [{\"Name\": \"BAD\"}]}", "name"),
        Arguments.of(
            "{\"initContainers\": [{\"name\": \"BAD\"}], \"containers\": [{\"name\": \"ok\"}]}",
            "ok"),
        Arguments.of(
            "{\"terminationGracePeriodSeconds\": 1.5, \"containers\": [{\"name\": \"ok\"}]}",
            "spec"),
        Arguments.of(
            "{\"terminationGracePeriodSeconds\": 30, \"containers\": [{\"name\": \"ok\"}]}", "ok"),
        Arguments.of(
            "{\"nodeSelector\": {\"a\": 1}, \"containers\": [{\"name\": \"ok\"}]}", "spec"),
        Arguments.of("{\"hostNetwork\": \"yes\", \"containers\": [{\"name\": \"ok\"}]}", "spec"),
        Arguments.of(
            "{\"tolerations\": [{\"key\": \"a\"}], \"containers\": [{\"name\": \"ok\"}]}", "ok"),
        Arguments.of(
            "{\"tolerations\": {\"key\": \"a\"}, \"containers\": [{\"name\": \"ok\"}]}", "spec"),
        Arguments.of(
            "{\"unknownField\": {\"x\": 1}, \"containers\": [{\"name\": \"ok\", \"unknown\": 3}]}",
            "ok"),
        Arguments.of(
            "{\"containers\": [{\"name\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}]}",
            "name"),
        Arguments.of(
            "{\"containers\": [{\"name\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}]}",
            "ok"),
        Arguments.of(
            "{\"containers\": [{\"name\": \"ok\", \"ports\": [{\"containerPort\": \"80\"}]}]}",
            "spec"),
        Arguments.of("{\"containers\": [{\"name\": \"ok\", \"stdin\": 1}]}", "spec"),
        Arguments.of("{\"containers\": [{\"name\": \"ok\"}, {\"name\": \"-bad\"}]}", "name"),
        Arguments.of("{\"affinity\": \"x\", \"containers\": [{\"name\": \"ok\"}]}", "spec"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("podSpecs")
  void podSpecsDecodeAndNameContainersAsFlyteRequires(String json, String outcome)
      throws Exception {
    Struct.Builder spec = Struct.newBuilder();
    JsonFormat.parser().merge(json, spec);
    TaskTemplate task =
        TaskTemplate.newBuilder()
            .setId(taskId("p"))
            .setK8SPod(K8sPod.newBuilder().setPodSpec(spec))
            .build();
    switch (outcome) {
      case "ok" -> assertThat(errors(task)).isEmpty();
      case "spec" ->
          assertThat(errors(task))
              .containsExactly(
                  new CompileError(
                      ErrorCode.INVALID_VALUE, "root", "Invalid value [k8s pod spec]."));
      default ->
          assertThat(errors(task))
              .containsExactly(
                  new CompileError(
                      ErrorCode.INVALID_VALUE,
                      "root",
                      "Invalid value [k8s pod spec container name]."));
    }
  }

  private static java.util.List<CompileError> errors(TaskTemplate task) {
    try {
      TaskCompiler.compileTask(task);
      return java.util.List.of();
    } catch (CompileException e) {
      return e.errors();
    }
  }

  private static Resources.ResourceEntry entry(Resources.ResourceName name, String value) {
    return Resources.ResourceEntry.newBuilder().setName(name).setValue(value).build();
  }
}
