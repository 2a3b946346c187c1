package org.flyte.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterResponse;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateResponse;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flyte.testing.RawGrpc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Request bytes that do not parse are answered INVALID_ARGUMENT through the whole interceptor
 * chain, never reach the handler, and leave one log line; well-formed ones are served as before.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestParsingTest {

  private static final String REGISTER_PROJECT =
      AdminServiceGrpc.getRegisterProjectMethod().getFullMethodName();
  private static final String CREATE_TASK =
      AdminServiceGrpc.getCreateTaskMethod().getFullMethodName();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger handled = new AtomicInteger();
  private Server server;
  private ManagedChannel channel;

  /** Counts the requests that reach it. */
  class CountingAdmin extends AdminServiceGrpc.AdminServiceImplBase {
    @Override
    public void registerProject(
        ProjectRegisterRequest request, StreamObserver<ProjectRegisterResponse> out) {
      handled.incrementAndGet();
      out.onNext(ProjectRegisterResponse.getDefaultInstance());
      out.onCompleted();
    }

    @Override
    public void createTask(TaskCreateRequest request, StreamObserver<TaskCreateResponse> out) {
      handled.incrementAndGet();
      out.onNext(TaskCreateResponse.getDefaultInstance());
      out.onCompleted();
    }
  }

  @BeforeEach
  void start() throws Exception {
    String name = "parsing-" + UUID.randomUUID();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                ServerInterceptors.interceptForward(
                    RequestParsing.guard(new CountingAdmin().bindService()),
                    new RequestIdInterceptor(),
                    new MetricsInterceptor(registry),
                    new StatusMappingInterceptor()))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private static byte[] project(String id) {
    return ProjectRegisterRequest.newBuilder()
        .setProject(Project.newBuilder().setId(id).setName("a project"))
        .build()
        .toByteArray();
  }

  @Test
  void wellFormedBytesAreServed() {
    assertThat(RawGrpc.call(channel, REGISTER_PROJECT, project("p1")).getCode())
        .isEqualTo(Status.Code.OK);
    assertThat(handled).hasValue(1);
  }

  @Test
  void garbageIsInvalidArgument(CapturedOutput output) {
    Status status = RawGrpc.call(channel, REGISTER_PROJECT, new byte[] {-1, -1, -1, -1, -1});

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).startsWith("error unmarshalling request: ");
    assertThat(handled).hasValue(0);
    assertThat(output.getAll())
        .containsOnlyOnce("refused an unparsable request")
        .doesNotContain("\tat ")
        .doesNotContain("Application error processing RPC");
  }

  @Test
  void truncatedMessageIsInvalidArgument() {
    Status status = RawGrpc.call(channel, REGISTER_PROJECT, RawGrpc.truncated(project("p1")));

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).contains("input ended unexpectedly");
    assertThat(handled).hasValue(0);
  }

  @Test
  void invalidUtf8InAStringFieldIsInvalidArgument() {
    Status status =
        RawGrpc.call(channel, REGISTER_PROJECT, RawGrpc.invalidUtf8(project("~~~~"), "~~~~"));

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).contains("invalid UTF-8");
    assertThat(handled).hasValue(0);
  }

  @Test
  void nestingBeyondTheLimitIsInvalidArgumentAndWithinItIsServed() {
    byte[] tooDeep = task(RawGrpc.deepStruct(40));
    byte[] deepEnough = task(RawGrpc.deepStruct(25));

    Status status = RawGrpc.call(channel, CREATE_TASK, tooDeep);

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).contains("too many levels of nesting");
    assertThat(RawGrpc.call(channel, CREATE_TASK, deepEnough).getCode()).isEqualTo(Status.Code.OK);
    assertThat(handled).hasValue(1);
  }

  @Test
  void refusalsAreCountedWithTheCodeTheCallerReceives() {
    RawGrpc.call(channel, REGISTER_PROJECT, new byte[] {-1});

    assertThat(
            registry
                .get("grpc.server.handled")
                .tags("grpc_method", "RegisterProject", "grpc_code", "InvalidArgument")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  private static byte[] task(com.google.protobuf.Struct custom) {
    return TaskCreateRequest.newBuilder()
        .setSpec(TaskSpec.newBuilder().setTemplate(TaskTemplate.newBuilder().setCustom(custom)))
        .build()
        .toByteArray();
  }
}
