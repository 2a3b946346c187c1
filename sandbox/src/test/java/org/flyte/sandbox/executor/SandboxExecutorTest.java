package org.flyte.sandbox.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.RuntimeMetadata;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.sandbox.Sandbox;
import org.flyte.sandbox.SandboxSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FlyteAdmin in the sandbox hands executions to the local runner: the custom resource the
 * Kubernetes executor would submit, an abort with propeller's cause, and the runner stopped while
 * FlyteAdmin still listens. The runner here is a fake that records what it gets.
 */
class SandboxExecutorTest {

  @TempDir Path dir;

  /** Records the calls; at close, checks that FlyteAdmin still answers. */
  static final class FakeRunner implements LocalRunner {
    final List<FlyteWorkflow> started = new CopyOnWriteArrayList<>();
    final List<String> aborted = new CopyOnWriteArrayList<>();
    InProcessRunner.Wiring wiring;
    volatile Boolean adminUpAtClose;

    @Override
    public void start(FlyteWorkflow workflow) {
      started.add(workflow);
    }

    @Override
    public void abort(WorkflowExecutionIdentifier executionId, String cause) {
      aborted.add(executionId.getName() + ": " + cause);
    }

    @Override
    public void close() {
      ManagedChannel channel = channel(wiring.adminGrpcPort());
      try {
        AdminServiceGrpc.newBlockingStub(channel)
            .getVersion(GetVersionRequest.getDefaultInstance());
        adminUpAtClose = true;
      } catch (StatusRuntimeException e) {
        adminUpAtClose = false;
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static ManagedChannel channel(int port) {
    return Grpc.newChannelBuilder("localhost:" + port, InsecureChannelCredentials.create()).build();
  }

  @Test
  void createExecutionHandsTheCustomResourceToTheRunnerTerminateAbortsItARestartEndsTheRest() {
    FakeRunner fake = new FakeRunner();
    Sandbox sandbox =
        Sandbox.create(new SandboxSettings(dir, 0, 0, 0, 0, 0, 0), null, List.of(), line -> {})
            .runners(
                (properties, wiring, store) -> {
                  fake.wiring = wiring;
                  store.close();
                  return fake;
                });
    sandbox.start();
    ManagedChannel channel = null;
    try {
      SandboxSettings ports = sandbox.ports();
      assertThat(fake.wiring.adminGrpcPort()).isEqualTo(ports.adminGrpcPort());
      assertThat(fake.wiring.catalogGrpcPort()).isEqualTo(ports.catalogGrpcPort());
      assertThat(fake.wiring.s3Endpoint()).isEqualTo("http://localhost:" + ports.s3Port());
      assertThat(fake.wiring.workDirectory()).isEqualTo(dir.resolve("runner"));
      channel = channel(ports.adminGrpcPort());
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(channel);
      Identifier task =
          Identifier.newBuilder()
              .setResourceType(ResourceType.TASK)
              .setProject("flytesnacks")
              .setDomain("development")
              .setName("double")
              .setVersion("v1")
              .build();
      admin.createTask(
          TaskCreateRequest.newBuilder()
              .setId(task)
              .setSpec(TaskSpec.newBuilder().setTemplate(template()))
              .build());

      WorkflowExecutionIdentifier id =
          admin
              .createExecution(
                  ExecutionCreateRequest.newBuilder()
                      .setProject("flytesnacks")
                      .setDomain("development")
                      .setName("handed-over")
                      .setSpec(ExecutionSpec.newBuilder().setLaunchPlan(task))
                      .setInputs(LiteralMap.newBuilder().putLiterals("x", integer(21)))
                      .build())
              .getId();

      assertThat(fake.started).hasSize(1);
      FlyteWorkflow workflow = fake.started.get(0);
      assertThat(workflow.executionId()).isEqualTo(id);
      assertThat(workflow.metadata().namespace()).isEqualTo("flytesnacks-development");
      assertThat(workflow.inputs().getLiteralsMap()).containsEntry("x", integer(21));
      assertThat(workflow.tasks()).hasSize(1);
      assertThat(workflow.tasks().values().iterator().next().getId()).isEqualTo(task);
      Execution execution =
          admin.getExecution(WorkflowExecutionGetRequest.newBuilder().setId(id).build());
      assertThat(execution.getClosure().getPhase()).isNotEqualTo(WorkflowExecution.Phase.FAILED);
      assertThat(execution.getSpec().getMetadata().getSystemMetadata().getExecutionCluster())
          .isEqualTo(SandboxWorkflowExecutor.CLUSTER);

      admin.terminateExecution(
          ExecutionTerminateRequest.newBuilder().setId(id).setCause("enough").build());
      assertThat(fake.aborted).containsExactly("handed-over: Workflow aborted.");
      StatusRuntimeException again =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  admin.createExecution(
                      ExecutionCreateRequest.newBuilder()
                          .setProject("flytesnacks")
                          .setDomain("development")
                          .setName("handed-over")
                          .setSpec(ExecutionSpec.newBuilder().setLaunchPlan(task))
                          .setInputs(LiteralMap.newBuilder().putLiterals("x", integer(1)))
                          .build()));
      assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
      assertThat(fake.started).as("a taken name starts nothing").hasSize(1);
      admin.createExecution(
          ExecutionCreateRequest.newBuilder()
              .setProject("flytesnacks")
              .setDomain("development")
              .setName("left-behind")
              .setSpec(ExecutionSpec.newBuilder().setLaunchPlan(task))
              .setInputs(LiteralMap.newBuilder().putLiterals("x", integer(2)))
              .build());
    } finally {
      if (channel != null) {
        channel.shutdownNow();
      }
      sandbox.close();
    }
    assertThat(fake.adminUpAtClose).as("the runner stops before FlyteAdmin").isTrue();

    // The fake runner reported nothing, as a killed sandbox would not have: the next start ends
    // both executions, before the runner takes work.
    FakeRunner next = new FakeRunner();
    List<String> progress = new CopyOnWriteArrayList<>();
    Sandbox restarted =
        Sandbox.create(new SandboxSettings(dir, 0, 0, 0, 0, 0, 0), null, List.of(), progress::add)
            .runners(
                (properties, wiring, store) -> {
                  next.wiring = wiring;
                  store.close();
                  return next;
                });
    restarted.start();
    channel = channel(restarted.ports().adminGrpcPort());
    try {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(channel);
      Execution leftBehind = execution(admin, "left-behind");
      assertThat(leftBehind.getClosure().getPhase()).isEqualTo(WorkflowExecution.Phase.FAILED);
      assertThat(leftBehind.getClosure().getError().getCode())
          .isEqualTo(InterruptedExecutions.CODE);
      assertThat(leftBehind.getClosure().getError().getMessage())
          .contains("did not shut down cleanly")
          .contains("run it again");
      assertThat(execution(admin, "handed-over").getClosure().getPhase())
          .as("it was being aborted")
          .isEqualTo(WorkflowExecution.Phase.ABORTED);
      assertThat(progress)
          .contains(
              "Ended execution flytesnacks/development/left-behind, left UNDEFINED by the"
                  + " sandbox's last run");
    } finally {
      channel.shutdownNow();
      restarted.close();
    }
  }

  private static Execution execution(AdminServiceBlockingStub admin, String name) {
    return admin.getExecution(
        WorkflowExecutionGetRequest.newBuilder()
            .setId(
                WorkflowExecutionIdentifier.newBuilder()
                    .setProject("flytesnacks")
                    .setDomain("development")
                    .setName(name))
            .build());
  }

  private static Literal integer(long value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
        .build();
  }

  private static TaskTemplate template() {
    Variable integer =
        Variable.newBuilder()
            .setType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER))
            .build();
    return TaskTemplate.newBuilder()
        .setType("python-task")
        .setMetadata(
            TaskMetadata.newBuilder()
                .setRuntime(
                    RuntimeMetadata.newBuilder()
                        .setType(RuntimeMetadata.RuntimeType.FLYTE_SDK)
                        .setVersion("1.16.31")))
        .setInterface(
            TypedInterface.newBuilder()
                .setInputs(VariableMap.newBuilder().putVariables("x", integer))
                .setOutputs(VariableMap.newBuilder().putVariables("o0", integer)))
        .setContainer(Container.newBuilder().setImage("img:1").addArgs("pyflyte-execute"))
        .build();
  }
}
