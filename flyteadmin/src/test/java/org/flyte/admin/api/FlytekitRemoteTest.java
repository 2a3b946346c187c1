package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Execution.NodeExecution.Phase;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.flyte.common.storage.DataReference;
import org.flyte.testing.FlytekitVenv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flytekit end to end through the replayer: a two-task run replayed as FlytePropeller reports it,
 * with its inputs and outputs offloaded to storage where propeller writes them, then read back by
 * the real flytekit's {@code FlyteRemote} ({@code fetch_execution}, {@code sync_execution(...,
 * sync_nodes=True)}, {@code get("flyte://v1/...")}, {@code get_execution_metrics}) over this app's
 * gRPC port. The Python side ({@code flytekit/remote_replayed.py}) exits non-zero on the first
 * mismatch. Skipped, saying so, without a flytekit venv ({@link FlytekitVenv}).
 */
class FlytekitRemoteTest extends ExecutionFixtures {

  @TempDir Path dir;

  private void write(String uri, LiteralMap map) {
    store.write(DataReference.parse(uri), map);
  }

  private static LiteralMap map(String name, long value) {
    return LiteralMap.newBuilder().putLiterals(name, integerLiteral(value)).build();
  }

  @Test
  void flyteRemoteReadsAReplayedRunWithItsNodesAttemptsAndOutputs() throws Exception {
    Optional<Path> venv = FlytekitVenv.find();
    assumeTrue(venv.isPresent(), FlytekitVenv.missing("flytekit end-to-end test"));

    Identifier twoTasks = workflowId("two", "v1");
    admin.createWorkflow(
        WorkflowCreateRequest.newBuilder()
            .setId(twoTasks)
            .setSpec(WorkflowSpec.newBuilder().setTemplate(WorkflowApiTest.chain(task, 2)))
            .build());
    workflow = twoTasks;
    Identifier plan = registerLaunchPlan("two", Map.of(), LaunchPlanSpec.newBuilder());
    WorkflowExecutionIdentifier id =
        create(request(plan, Map.of("x", integerLiteral(1))).setName("remote"));
    PropellerReplayer propeller =
        new PropellerReplayer(
                admin, id, Instant.ofEpochSecond(get(id).getClosure().getCreatedAt().getSeconds()))
            .storingIn(store.blobs().baseContainer().toString());

    // the data propeller writes before it reports: each node's inputs, each attempt's outputs
    write(propeller.dataDir() + "/start-node/data/0/outputs.pb", map("x", 1));
    write(propeller.inputs("n0"), map("x", 1));
    write(propeller.outputs("n0", 1), map("o0", 2));
    write(propeller.inputs("n1"), map("x", 2));
    write(propeller.outputs("n1", 0), map("o0", 3));
    write(propeller.dataDir() + "/end-node/data/0/outputs.pb", map("o0", 3));

    propeller.workflow(WorkflowExecution.Phase.RUNNING);
    propeller.startNode();
    propeller.node("n0", Phase.QUEUED);
    propeller.node("n0", Phase.RUNNING);
    propeller.taskAttemptFails(task, "n0", 0, TaskExecution.Phase.RETRYABLE_FAILED, "USER:Flaky");
    propeller.taskAttemptSucceeds(task, "n0", 1);
    propeller.node(
        propeller.nodeEvent("n0", Phase.SUCCEEDED).setOutputUri(propeller.outputs("n0", 1)));
    propeller.taskNodeSucceeds("n1", task);
    propeller.node(
        propeller
            .nodeEvent("end-node", Phase.SUCCEEDED)
            .setOutputUri(propeller.outputs("end-node", 0)));
    propeller.workflow(WorkflowExecution.Phase.SUCCEEDING);
    propeller.workflowSucceeded();

    try (InputStream script = getClass().getResourceAsStream("/flytekit/remote_replayed.py")) {
      Files.copy(script, dir.resolve("remote_replayed.py"));
    }
    Path log = dir.resolve("remote.log");
    ProcessBuilder remote =
        new ProcessBuilder(
                venv.get().resolve("bin/python").toString(),
                "remote_replayed.py",
                "localhost:" + environment.getProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY),
                project,
                DOMAIN,
                id.getName())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    remote.environment().put("TMPDIR", dir.toString()); // flytekit's flyte-* directory
    Process python = remote.start();
    boolean ended = python.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      python.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(ended).as(output).isTrue();
    assertThat(python.exitValue()).as(output).isZero();
    List<String> ok = output.lines().filter(l -> l.startsWith("OK ")).toList();
    assertThat(ok)
        .as(output)
        .containsExactly(
            "OK execution remote",
            "OK node n0 x 1 o0 2 attempts 2",
            "OK node n1 x 2 o0 3 attempts 1",
            "OK flyte urls",
            "OK metrics");
    assertThat(output).doesNotContain("FAIL:");
  }
}
