package org.flyte.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.event.Event.WorkflowExecutionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.BlobStoreFactory;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.StorageProperties;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.runner.process.LocalProcessLauncher;
import org.flyte.testing.FlytekitVenv;
import org.flyte.testing.TestS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Two chained tasks run by the real {@code pyflyte-execute} of the flytekit venv ({@link
 * FlytekitVenv}), storing through an in-process S3 server as on a cluster. Skipped, saying so, when
 * no such venv exists.
 */
class RealPyflyteTest {

  @TempDir Path dir;

  @Test
  void twoPythonTasksRunAsProcessesAndTheirOutputsFlow() throws Exception {
    Optional<Path> venv = FlytekitVenv.find();
    assumeTrue(venv.isPresent(), FlytekitVenv.missing("real pyflyte test"));
    String bucket = "runner-" + System.nanoTime();
    BlobStore store = s3(bucket);
    Files.writeString(
        dir.resolve("arith.py"),
        """
        import tempfile

        from flytekit import task

        @task
        def add(a: int, b: int) -> int:
            print("tempdir=" + tempfile.gettempdir())
            return a + b

        @task
        def double(a: int) -> int:
            return a * 2
        """);
    TaskTemplate add = Workflows.pythonTask("arith", "add", "a", "b");
    TaskTemplate dbl = Workflows.pythonTask("arith", "double", "a");
    var n0 =
        Workflows.node(
                "n0",
                NodeKind.TASK,
                List.of(
                    Workflows.promise("a", "start-node", "x"),
                    Workflows.promise("b", "start-node", "y")))
            .toBuilder()
            .taskRef(Workflows.key(add))
            .build();
    var n1 =
        Workflows.node("n1", NodeKind.TASK, List.of(Workflows.promise("a", "n0", "o0"))).toBuilder()
            .taskRef(Workflows.key(dbl))
            .build();
    var id = Workflows.newId();
    var cr =
        Workflows.resource(
            id,
            Workflows.chain("p:d:arith.wf", List.of(n0, n1)),
            Map.of(Workflows.key(add), add, Workflows.key(dbl), dbl),
            null,
            LiteralMap.newBuilder()
                .putLiterals("x", Workflows.integer(20))
                .putLiterals("y", Workflows.integer(1))
                .build());
    RecordingSink sink = new RecordingSink();
    RunnerSettings settings =
        RunnerSettings.defaults()
            .withPython(venv.get())
            .withWorkDirectory(dir.resolve("work"))
            .withTaskEnvironment(
                Map.of(
                    "PYTHONPATH",
                    dir.toString(),
                    "FLYTE_AWS_ENDPOINT",
                    TestS3.endpoint().toString(),
                    "FLYTE_AWS_ACCESS_KEY_ID",
                    TestS3.ACCESS_KEY,
                    "FLYTE_AWS_SECRET_ACCESS_KEY",
                    TestS3.SECRET_KEY));
    try (WorkflowRunner runner =
        new WorkflowRunner(
            settings,
            new RunnerServices(store, sink, new LocalProcessLauncher(), null, null, null))) {
      runner.start(cr);
      var phase = runner.await(id, Duration.ofMinutes(3));

      assertThat(phase).as("events: %s", sink.lines()).contains(WorkflowExecution.Phase.SUCCEEDED);
    }
    List<WorkflowExecutionEvent> wf = sink.of(WorkflowExecutionEvent.class);
    LiteralMap outputs =
        new ProtoStore(store)
            .read(
                DataReference.parse(wf.get(wf.size() - 1).getOutputUri()),
                LiteralMap.getDefaultInstance());
    assertThat(outputs.getLiteralsOrThrow("o0").getScalar().getPrimitive().getInteger())
        .isEqualTo(42);
    DataReference stdout =
        DataReference.parse(
            sink.of(flyteidl.event.Event.TaskExecutionEvent.class).get(1).getLogs(0).getUri());
    assertThat(new String(store.read(stdout), java.nio.charset.StandardCharsets.UTF_8))
        .as("the task's temporary files go to its attempt's working directory")
        .contains("tempdir=" + dir.resolve("work"));
    try (var left = Files.list(dir.resolve("work"))) {
      assertThat(left).as("attempts' working directories, temporary files included").isEmpty();
    }
  }

  static BlobStore s3(String bucket) {
    Map<String, String> p = new java.util.HashMap<>();
    for (String kv : TestS3.storageProperties(bucket)) {
      int eq = kv.indexOf('=');
      p.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    StorageProperties properties =
        new Binder(new MapConfigurationPropertySource(p))
            .bindOrCreate("flyte.storage", StorageProperties.class);
    return BlobStoreFactory.create(properties);
  }
}
