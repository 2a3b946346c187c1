package org.flyte.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.WorkflowTemplate;
import flyteidl.event.Event.WorkflowExecutionEvent;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.compiler.TaskCompiler;
import org.flyte.compiler.WorkflowCompiler;
import org.flyte.compiler.k8s.FlyteWorkflowBuilder;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.runner.process.LocalProcessLauncher;
import org.flyte.testing.FlytekitVenv;
import org.flyte.testing.TestS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flytekit workflow with a map task (array node), a dynamic task and a branch, serialized by
 * flytekit itself, compiled by our compiler into the custom resource and run with the real
 * pyflyte-execute / pyflyte-map-execute of the venv; its output equals what local flytekit computes
 * (19). Skipped, saying so, without the venv.
 */
class RealFlytekitTest {

  @TempDir Path dir;

  @Test
  void aFlytekitWorkflowEndsAsLocalFlytekitAndHitsTheCacheTheSecondTime() throws Exception {
    Optional<Path> found = FlytekitVenv.find();
    assumeTrue(found.isPresent(), FlytekitVenv.missing("real flytekit test"));
    Path venv = found.get();
    for (String file : List.of("flows.py", "serialize.py")) {
      try (InputStream in = getClass().getResourceAsStream("/flytekit/" + file)) {
        Files.copy(in, dir.resolve(file));
      }
    }
    ProcessBuilder serializer =
        new ProcessBuilder(venv.resolve("bin/python").toString(), "serialize.py", "out")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("serialize.log").toFile());
    serializer.environment().put("TMPDIR", dir.toString()); // flytekit's flyte-* directory
    Process serialize = serializer.start();
    assertThat(serialize.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(serialize.exitValue()).as(Files.readString(dir.resolve("serialize.log"))).isZero();

    List<CompiledTask> tasks = new ArrayList<>();
    List<WorkflowTemplate> subWorkflows = new ArrayList<>();
    WorkflowTemplate template = null;
    try (var files = Files.list(dir.resolve("out"))) {
      for (Path p : files.sorted().toList()) {
        byte[] bytes = Files.readAllBytes(p);
        if (p.getFileName().toString().startsWith("task-")) {
          tasks.add(TaskCompiler.compileTask(TaskTemplate.parseFrom(bytes)));
        } else if (p.getFileName().toString().equals("wf.pb")) {
          template = WorkflowTemplate.parseFrom(bytes);
        } else {
          subWorkflows.add(WorkflowTemplate.parseFrom(bytes));
        }
      }
    }
    CompiledWorkflowClosure closure =
        WorkflowCompiler.compileWorkflow(template, subWorkflows, tasks, List.of());
    BlobStore store = RealPyflyteTest.s3("flytekit-" + System.nanoTime());
    FakeCatalog catalog = new FakeCatalog();
    RecordingSink first = run(closure, store, catalog);
    RecordingSink second = run(closure, store, catalog);

    assertThat(first.lines()).anyMatch(l -> l.endsWith(" DYNAMIC_RUNNING"));
    assertThat(cacheStatuses(first)).containsExactly("CACHE_POPULATED");
    assertThat(cacheStatuses(second)).containsExactly("CACHE_HIT");
  }

  private static List<String> cacheStatuses(RecordingSink sink) {
    return sink.of(flyteidl.event.Event.NodeExecutionEvent.class).stream()
        .filter(e -> e.getPhase() == flyteidl.core.Execution.NodeExecution.Phase.SUCCEEDED)
        .map(e -> e.getTaskNodeMetadata().getCacheStatus())
        .filter(c -> c != flyteidl.core.Catalog.CatalogCacheStatus.CACHE_DISABLED)
        .map(Enum::name)
        .toList();
  }

  /** Runs the workflow with n = 3 and checks it outputs 722, as local flytekit computes. */
  private RecordingSink run(CompiledWorkflowClosure closure, BlobStore store, FakeCatalog catalog)
      throws Exception {
    Path venv = FlytekitVenv.find().orElseThrow();
    var id = Workflows.newId();
    FlyteWorkflow cr =
        FlyteWorkflowBuilder.build(
                closure,
                LiteralMap.newBuilder().putLiterals("n", Workflows.integer(3)).build(),
                id,
                "p-d")
            .toBuilder()
            .executionId(id)
            .build();
    RecordingSink sink = new RecordingSink();
    RunnerSettings settings =
        RunnerSettings.defaults()
            .withPython(venv)
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
            new RunnerServices(store, sink, new LocalProcessLauncher(), null, catalog, null))) {
      runner.start(cr);

      assertThat(runner.await(id, Duration.ofMinutes(5)))
          .as(
              "%s %s",
              sink.lines(),
              sink.of(flyteidl.event.Event.NodeExecutionEvent.class).stream()
                  .map(t -> t.getError().getMessage())
                  .filter(m -> !m.isEmpty())
                  .toList())
          .contains(WorkflowExecution.Phase.SUCCEEDED);
    }
    List<WorkflowExecutionEvent> wf = sink.of(WorkflowExecutionEvent.class);
    LiteralMap outputs =
        new ProtoStore(store)
            .read(
                DataReference.parse(wf.get(wf.size() - 1).getOutputUri()),
                LiteralMap.getDefaultInstance());
    assertThat(outputs.getLiteralsOrThrow("o0").getScalar().getPrimitive().getInteger())
        .isEqualTo(722);
    return sink;
  }
}
