package org.flyte.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flyte.common.storage.BlobStore;
import org.flyte.compiler.k8s.model.Connections;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.compiler.k8s.model.WorkflowSpec;
import org.flyte.runner.process.LaunchedProcess;
import org.flyte.runner.process.LocalProcessLauncher;
import org.flyte.runner.process.ProcessLauncher;
import org.flyte.runner.process.ProcessSpec;
import org.flyte.testing.FlytekitVenv;
import org.flyte.testing.TestS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's overhead over running the same {@code pyflyte-execute} commands by hand: a 50-node
 * chain (ratio to the sum of the commands' times) and a 50-wide fan-out (ratio to their makespan on
 * as many slots as the runner has). Run by hand, under the heavy lock: {@code flock /tmp/heavy.lock
 * mvn -o -B -q -pl runner -am test -Dtest=RunnerOverheadBench -Drunner.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures on standard output.
 */
class RunnerOverheadBench {

  @TempDir Path dir;

  private static final int NODES = 50;

  @Test
  void chainAndFanOut() throws Exception {
    assumeTrue(Boolean.getBoolean("runner.bench"), "benchmark: run with -Drunner.bench=true");
    assumeTrue(FlytekitVenv.find().isPresent(), FlytekitVenv.missing("runner benchmark"));
    Files.writeString(
        dir.resolve("trivial.py"),
        """
        from flytekit import task

        @task
        def inc(a: int) -> int:
            return a + 1
        """);
    int slots = Runtime.getRuntime().availableProcessors();
    double[] chain = measure(true, slots);
    double[] fan = measure(false, slots);
    System.out.printf(
        "runner bench: chain %d: runner %.1f s, by hand %.1f s, ratio %.3f%n",
        NODES, chain[0], chain[1], chain[0] / chain[1]);
    System.out.printf(
        "runner bench: fan-out %d on %d slots: runner %.1f s, by hand %.1f s, ratio %.3f%n",
        NODES, slots, fan[0], fan[1], fan[0] / fan[1]);
    assertThat(chain[0]).isPositive();
  }

  /** {runner seconds, by-hand seconds}. */
  private double[] measure(boolean chain, int slots) throws Exception {
    TaskTemplate inc = Workflows.pythonTask("trivial", "inc", "a");
    List<NodeSpec> nodes = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      String up = chain && i > 0 ? "n" + (i - 1) : "start-node";
      String var = chain && i > 0 ? "o0" : "x";
      nodes.add(
          Workflows.node("n" + i, NodeKind.TASK, List.of(Workflows.promise("a", up, var)))
              .toBuilder()
              .taskRef(Workflows.key(inc))
              .build());
    }
    WorkflowSpec spec = chain ? Workflows.chain("p:d:bench", nodes) : fanOut(nodes);
    var id = Workflows.newId();
    var cr =
        Workflows.resource(
            id,
            spec,
            Map.of(Workflows.key(inc), inc),
            null,
            LiteralMap.newBuilder().putLiterals("x", Workflows.integer(0)).build());
    List<ProcessSpec> launched = new CopyOnWriteArrayList<>();
    LocalProcessLauncher local = new LocalProcessLauncher();
    ProcessLauncher recording =
        spec1 -> {
          launched.add(spec1);
          return local.launch(spec1);
        };
    BlobStore store = RealPyflyteTest.s3("bench-" + System.nanoTime());
    RunnerSettings settings =
        RunnerSettings.defaults()
            .withPython(FlytekitVenv.find().orElseThrow())
            .withMaxParallelTasks(slots)
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
    long t0 = System.nanoTime();
    try (WorkflowRunner runner =
        new WorkflowRunner(
            settings,
            new RunnerServices(store, new RecordingSink(), recording, null, null, null))) {
      runner.start(cr);
      assertThat(runner.await(id, Duration.ofMinutes(20)))
          .contains(WorkflowExecution.Phase.SUCCEEDED);
    }
    double runnerSeconds = (System.nanoTime() - t0) / 1e9;
    ExecutorService pool = Executors.newFixedThreadPool(chain ? 1 : slots);
    long t1 = System.nanoTime();
    List<Future<Integer>> done = new ArrayList<>();
    for (ProcessSpec p : launched) {
      done.add(
          pool.submit(
              () -> {
                ProcessSpec again =
                    new ProcessSpec(
                        p.command(),
                        p.environment(),
                        dir.resolve("hand").resolve(Long.toString(System.nanoTime())),
                        dir.resolve("hand-out.log"),
                        dir.resolve("hand-err.log"));
                LaunchedProcess proc = local.launch(again);
                Integer exit;
                do {
                  exit = proc.waitFor(Duration.ofSeconds(1));
                } while (exit == null);
                return exit;
              }));
    }
    for (Future<Integer> f : done) {
      assertThat(f.get()).isZero();
    }
    double handSeconds = (System.nanoTime() - t1) / 1e9;
    pool.shutdown();
    return new double[] {runnerSeconds, handSeconds};
  }

  private static WorkflowSpec fanOut(List<NodeSpec> nodes) {
    WorkflowSpec chain = Workflows.chain("p:d:fan", List.of(nodes.get(0)));
    Map<String, NodeSpec> all = new HashMap<>(chain.nodes());
    Map<String, List<String>> down = new HashMap<>();
    Map<String, List<String>> up = new HashMap<>();
    for (NodeSpec n : nodes) {
      all.put(n.id(), n);
      down.computeIfAbsent("start-node", k -> new ArrayList<>()).add(n.id());
      down.put(n.id(), List.of("end-node"));
      up.put(n.id(), List.of("start-node"));
      up.computeIfAbsent("end-node", k -> new ArrayList<>()).add(n.id());
    }
    return new WorkflowSpec(
        chain.id(),
        all,
        null,
        new Connections(down, up),
        null,
        chain.outputs(),
        chain.outputBindings(),
        null);
  }
}
