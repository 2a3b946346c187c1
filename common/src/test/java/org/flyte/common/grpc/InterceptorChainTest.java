package org.flyte.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.ProjectOuterClass.InactiveProject;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.admin.VersionOuterClass.Version;
import flyteidl.admin.WorkflowOuterClass.Workflow;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The interceptor chain in its production order, around a real flyteidl service. */
class InterceptorChainTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Server server;
  private ManagedChannel channel;
  private AdminServiceGrpc.AdminServiceBlockingStub stub;

  /** Behaves badly in every way a handler can. */
  static class MisbehavingAdmin extends AdminServiceGrpc.AdminServiceImplBase {
    @Override
    public void getVersion(GetVersionRequest request, StreamObserver<GetVersionResponse> out) {
      String requestId = RequestIdInterceptor.current();
      out.onNext(
          GetVersionResponse.newBuilder()
              .setControlPlaneVersion(Version.newBuilder().setBuild(requestId))
              .build());
      out.onCompleted();
    }

    @Override
    public void getTask(ObjectGetRequest request, StreamObserver<Task> out) {
      throw FlyteException.notFound("missing entity of type TASK");
    }

    @Override
    public void getWorkflow(ObjectGetRequest request, StreamObserver<Workflow> out) {
      out.onError(
          new FlyteException(
              ErrorCode.INVALID_ARGUMENT,
              "project is archived",
              List.of(InactiveProject.newBuilder().setId("p").build())));
    }

    @Override
    public void getLaunchPlan(ObjectGetRequest request, StreamObserver<LaunchPlan> out) {
      Object nothing = null;
      nothing.hashCode();
    }

    @Override
    public void getExecution(
        WorkflowExecutionGetRequest request,
        StreamObserver<flyteidl.admin.ExecutionOuterClass.Execution> out) {
      throw Status.FAILED_PRECONDITION.withDescription("as is").asRuntimeException();
    }
  }

  @BeforeEach
  void start() throws Exception {
    String name = "chain-" + UUID.randomUUID();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                ServerInterceptors.interceptForward(
                    new MisbehavingAdmin(),
                    new RequestIdInterceptor(),
                    new MetricsInterceptor(registry),
                    new StatusMappingInterceptor()))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = AdminServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void thrownFlyteExceptionReachesTheCallerWithItsCode() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stub.getTask(ObjectGetRequest.getDefaultInstance()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(error.getStatus().getDescription()).isEqualTo("missing entity of type TASK");
  }

  @Test
  void flyteExceptionPassedToOnErrorCarriesItsDetails() throws Exception {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stub.getWorkflow(ObjectGetRequest.getDefaultInstance()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    com.google.rpc.Status details = StatusProto.fromThrowable(error);
    assertThat(details.getDetails(0).unpack(InactiveProject.class).getId()).isEqualTo("p");
  }

  @Test
  void unexpectedExceptionIsRecoveredAsInternal() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stub.getLaunchPlan(ObjectGetRequest.getDefaultInstance()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
  }

  @Test
  void thrownGrpcStatusPassesThrough() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stub.getExecution(WorkflowExecutionGetRequest.getDefaultInstance()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(error.getStatus().getDescription()).isEqualTo("as is");
  }

  @Test
  void callerRequestIdIsSeenByTheHandlerAndEchoed() {
    Metadata headers = new Metadata();
    headers.put(RequestIdInterceptor.HEADER, "r-123");
    AtomicReference<Metadata> responseHeaders = new AtomicReference<>();

    GetVersionResponse response =
        stub.withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(headers),
                MetadataUtils.newCaptureMetadataInterceptor(
                    responseHeaders, new AtomicReference<>()))
            .getVersion(GetVersionRequest.getDefaultInstance());

    assertThat(response.getControlPlaneVersion().getBuild()).isEqualTo("r-123");
    assertThat(responseHeaders.get().get(RequestIdInterceptor.HEADER)).isEqualTo("r-123");
  }

  @Test
  void missingRequestIdIsGeneratedInFlytesShape() {
    GetVersionResponse response = stub.getVersion(GetVersionRequest.getDefaultInstance());

    assertThat(response.getControlPlaneVersion().getBuild())
        .matches("a-[bcdfghjklmnpqrstvwxz2456789]{20}");
  }

  @Test
  void requestIdLeavesTheMdcOfTheThreadAsItFoundIt() {
    // In-process with direct executors, the handler runs on this thread.
    MDC.remove(RequestIdInterceptor.MDC_KEY);
    stub.getVersion(GetVersionRequest.getDefaultInstance());
    assertThat(MDC.get(RequestIdInterceptor.MDC_KEY)).isNull();

    MDC.put(RequestIdInterceptor.MDC_KEY, "outer");
    try {
      stub.getVersion(GetVersionRequest.getDefaultInstance());
      assertThat(MDC.get(RequestIdInterceptor.MDC_KEY)).isEqualTo("outer");
    } finally {
      MDC.remove(RequestIdInterceptor.MDC_KEY);
    }
  }

  @Test
  void generatedRequestIdsDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(RequestIdInterceptor.generate());
    }
    assertThat(ids)
        .hasSize(10_000)
        .allMatch(id -> id.matches("a-[bcdfghjklmnpqrstvwxz2456789]{20}"));
  }

  @Test
  void metricsCountTheStatusTheCallerReceives() {
    stub.getVersion(GetVersionRequest.getDefaultInstance());
    catchThrowableOfType(
        StatusRuntimeException.class, () -> stub.getTask(ObjectGetRequest.getDefaultInstance()));
    catchThrowableOfType(
        StatusRuntimeException.class,
        () -> stub.getLaunchPlan(ObjectGetRequest.getDefaultInstance()));

    assertThat(handled("GetVersion", "OK")).isEqualTo(1.0);
    assertThat(handled("GetTask", "NotFound")).isEqualTo(1.0);
    assertThat(handled("GetLaunchPlan", "Internal")).isEqualTo(1.0);
    assertThat(
            registry
                .get("grpc.server.started")
                .tags("grpc_service", "flyteidl.service.AdminService", "grpc_method", "GetTask")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get("grpc.server.handling")
                .tags("grpc_method", "GetVersion", "grpc_type", "unary")
                .timer()
                .count())
        .isEqualTo(1);
  }

  private double handled(String method, String code) {
    return registry
        .get("grpc.server.handled")
        .tags(
            "grpc_service",
            "flyteidl.service.AdminService",
            "grpc_method",
            method,
            "grpc_code",
            code)
        .counter()
        .count();
  }
}
