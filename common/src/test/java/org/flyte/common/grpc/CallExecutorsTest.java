package org.flyte.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.admin.VersionOuterClass.Version;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * A real network server with the production interceptor chain and {@link CallExecutors}: cheap
 * methods are answered on the transport's thread, every other one on the call pool, and every call
 * is still counted, timed and given its request id whichever thread runs it.
 */
class CallExecutorsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Map<String, String> threads = new ConcurrentHashMap<>();
  private final Map<String, String> mdc = new ConcurrentHashMap<>();
  private CallExecutors executors;
  private Server server;
  private ManagedChannel channel;

  /** Records the thread and the MDC request id each method ran with. */
  class RecordingAdmin extends AdminServiceGrpc.AdminServiceImplBase {
    @Override
    public void getVersion(GetVersionRequest request, StreamObserver<GetVersionResponse> out) {
      record("GetVersion");
      out.onNext(
          GetVersionResponse.newBuilder()
              .setControlPlaneVersion(Version.newBuilder().setBuild("b"))
              .build());
      out.onCompleted();
    }

    @Override
    public void getTask(ObjectGetRequest request, StreamObserver<Task> out) {
      record("GetTask");
      throw FlyteException.notFound("missing entity of type TASK");
    }
  }

  private void record(String method) {
    threads.put(method, Thread.currentThread().getName());
    mdc.put(method, String.valueOf(MDC.get(RequestIdInterceptor.MDC_KEY)));
  }

  @BeforeEach
  void start() throws Exception {
    executors = new CallExecutors(CallExecutors.CHEAP_METHODS);
    HealthStatusManager health = new HealthStatusManager();
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create());
    executors.applyTo(builder);
    server =
        builder
            .addService(
                ServerInterceptors.interceptForward(
                    new RecordingAdmin(),
                    new RequestIdInterceptor(),
                    new MetricsInterceptor(registry),
                    new StatusMappingInterceptor()))
            .addService(
                ServerInterceptors.interceptForward(
                    health.getHealthService(),
                    new RequestIdInterceptor(),
                    new MetricsInterceptor(registry),
                    new StatusMappingInterceptor()))
            .build()
            .start();
    channel =
        Grpc.newChannelBuilder("127.0.0.1:" + server.getPort(), InsecureChannelCredentials.create())
            .build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
    executors.close();
  }

  @Test
  void cheapMethodsRunOnTheTransportThreadAndTheRestOnThePool() {
    AdminServiceGrpc.AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(channel);

    admin.getVersion(GetVersionRequest.getDefaultInstance());
    catchThrowableOfType(
        StatusRuntimeException.class, () -> admin.getTask(ObjectGetRequest.getDefaultInstance()));

    assertThat(threads.get("GetVersion")).contains("worker-ELG");
    assertThat(threads.get("GetTask")).startsWith("grpc-call-");
    assertThat(mdc.get("GetVersion")).matches("a-[bcdfghjklmnpqrstvwxz2456789]{20}");
    assertThat(mdc.get("GetTask")).matches("a-[bcdfghjklmnpqrstvwxz2456789]{20}");
  }

  @Test
  void everyMethodAndCodeIsStillCountedAndTimed() {
    AdminServiceGrpc.AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(channel);
    HealthGrpc.HealthBlockingStub probe = HealthGrpc.newBlockingStub(channel);

    for (int i = 0; i < 3; i++) {
      admin.getVersion(GetVersionRequest.getDefaultInstance());
      assertThat(probe.check(HealthCheckRequest.getDefaultInstance()).getStatus())
          .isEqualTo(ServingStatus.SERVING);
    }
    StatusRuntimeException missing =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> admin.getTask(ObjectGetRequest.getDefaultInstance()));
    StatusRuntimeException unknownService =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> probe.check(HealthCheckRequest.newBuilder().setService("nothing").build()));

    assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(unknownService.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(handled("flyteidl.service.AdminService", "GetVersion", "OK")).isEqualTo(3.0);
    assertThat(handled("flyteidl.service.AdminService", "GetTask", "NotFound")).isEqualTo(1.0);
    assertThat(handled("grpc.health.v1.Health", "Check", "OK")).isEqualTo(3.0);
    assertThat(handled("grpc.health.v1.Health", "Check", "NotFound")).isEqualTo(1.0);
    assertThat(
            registry
                .get("grpc.server.handling")
                .tags("grpc_service", "grpc.health.v1.Health", "grpc_method", "Check")
                .timer()
                .count())
        .isEqualTo(4);
    assertThat(
            registry
                .get("grpc.server.msg.sent")
                .tags("grpc_service", "flyteidl.service.AdminService", "grpc_method", "GetVersion")
                .counter()
                .count())
        .isEqualTo(3.0);
  }

  private double handled(String service, String method, String code) {
    return registry
        .get("grpc.server.handled")
        .tags("grpc_service", service, "grpc_method", method, "grpc_code", code)
        .counter()
        .count();
  }
}
