package org.flyte.bench.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.TaskOuterClass.TaskClosure;
import flyteidl.admin.TaskOuterClass.TaskList;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.concurrent.TimeUnit;
import org.flyte.admin.warmup.WarmupEntities;
import org.flyte.common.rest.JsonMarshaler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the REST gateway's three encodings for a ListTasks page: binary protobuf (what
 * FlyteConsole asks for, the baseline), snake_case JSON and lowerCamel JSON (both with every
 * unpopulated field emitted, including the {@code null}s that {@code JsonFormat} cannot print).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RestEncodingBenchmark {

  @Param({"25", "100"})
  int tasks;

  /**
   * {@code small}: the task below; {@code registered}: the task FloorLoad registers (a pyflyte
   * container task as FlyteAdmin stores it, about 1.6 KB of JSON each).
   */
  @Param({"small", "registered"})
  String shape;

  private TaskList page;
  private JsonMarshaler snake;
  private JsonMarshaler camel;

  @Setup
  public void setUp() {
    JsonFormat.TypeRegistry types =
        JsonFormat.TypeRegistry.newBuilder().add(TaskList.getDescriptor()).build();
    snake = JsonMarshaler.protoNames(types);
    camel = JsonMarshaler.jsonNames(types);
    TaskList.Builder list = TaskList.newBuilder().setToken("100");
    for (int i = 0; i < tasks; i++) {
      list.addTasks(shape.equals("small") ? task(i) : registered(i));
    }
    page = list.build();
  }

  private static Identifier taskId(String project, String name, int i) {
    return Identifier.newBuilder()
        .setResourceType(ResourceType.TASK)
        .setProject(project)
        .setDomain("development")
        .setName(name)
        .setVersion("v" + i)
        .build();
  }

  private static Task task(int i) {
    Identifier id = taskId("flytesnacks", "workflows.example.task_" + i, i);
    LiteralType integer = LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
    TaskTemplate template =
        TaskTemplate.newBuilder()
            .setId(id)
            .setType("python-task")
            .setMetadata(
                TaskMetadata.newBuilder()
                    .setRuntime(
                        flyteidl.core.Tasks.RuntimeMetadata.newBuilder().setVersion("1.16.0")))
            .setInterface(
                TypedInterface.newBuilder()
                    .setInputs(VariableMap.newBuilder().putVariables("a", var(integer)))
                    .setOutputs(VariableMap.newBuilder().putVariables("o0", var(integer))))
            .setContainer(
                Container.newBuilder()
                    .setImage("flytekit:py3.11-1.16.0")
                    .addArgs("pyflyte-execute")
                    .addArgs("--inputs")
                    .addArgs("{{.input}}"))
            .build();
    return Task.newBuilder()
        .setId(id)
        .setShortDescription("task number " + i)
        .setClosure(
            TaskClosure.newBuilder()
                .setCompiledTask(CompiledTask.newBuilder().setTemplate(template))
                .setCreatedAt(Timestamp.newBuilder().setSeconds(1_764_000_000L + i)))
        .build();
  }

  private static Task registered(int i) {
    Identifier id = taskId("bench", "bench.floor_task", i);
    return Task.newBuilder()
        .setId(id)
        .setClosure(
            TaskClosure.newBuilder()
                .setCompiledTask(
                    CompiledTask.newBuilder().setTemplate(WarmupEntities.task(id).getTemplate()))
                .setCreatedAt(Timestamp.newBuilder().setSeconds(1_764_000_000L + i)))
        .build();
  }

  private static Variable var(LiteralType type) {
    return Variable.newBuilder().setType(type).setDescription("a number").build();
  }

  @Benchmark
  public byte[] binary() {
    return page.toByteArray();
  }

  @Benchmark
  public byte[] snakeCaseJson() throws InvalidProtocolBufferException {
    return snake.marshal(page);
  }

  @Benchmark
  public byte[] lowerCamelJson() throws InvalidProtocolBufferException {
    return camel.marshal(page);
  }
}
