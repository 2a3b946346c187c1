package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCompositionTest {

  static class Tasks implements AdminServiceGrpc.AsyncService {
    @Override
    public void getTask(ObjectGetRequest request, StreamObserver<Task> responseObserver) {
      responseObserver.onNext(Task.newBuilder().setShortDescription("from tasks").build());
      responseObserver.onCompleted();
    }
  }

  static class AlsoTasks extends Tasks {}

  static class OtherTasks implements AdminServiceGrpc.AsyncService {
    @Override
    public void getTask(ObjectGetRequest request, StreamObserver<Task> responseObserver) {
      responseObserver.onCompleted();
    }
  }

  @Test
  void servesEachMethodFromItsCapabilityAndTheRestAsUnimplemented() throws Exception {
    var definition =
        ServiceComposition.compose(
            AdminServiceGrpc.getServiceDescriptor(),
            List.of(new Tasks()),
            AdminServiceGrpc::bindService,
            new AdminServiceGrpc.AsyncService() {});
    assertThat(definition.getMethods())
        .hasSize(AdminServiceGrpc.getServiceDescriptor().getMethods().size());
    String name = InProcessServerBuilder.generateName();
    Server server =
        InProcessServerBuilder.forName(name).directExecutor().addService(definition).build();
    server.start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      var stub = AdminServiceGrpc.newBlockingStub(channel);
      assertThat(stub.getTask(ObjectGetRequest.getDefaultInstance()).getShortDescription())
          .isEqualTo("from tasks");
      assertThatThrownBy(() -> stub.getWorkflow(ObjectGetRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
                assertThat(e.getStatus().getDescription())
                    .isEqualTo("Method flyteidl.service.AdminService/GetWorkflow is unimplemented");
              });
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
    }
  }

  @Test
  void aMethodClaimedByTwoCapabilitiesStopsStartUp() {
    assertThatThrownBy(
            () ->
                ServiceComposition.compose(
                    AdminServiceGrpc.getServiceDescriptor(),
                    List.of(new AlsoTasks(), new OtherTasks()),
                    AdminServiceGrpc::bindService,
                    new AdminServiceGrpc.AsyncService() {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("flyteidl.service.AdminService/GetTask")
        .hasMessageContaining("AlsoTasks")
        .hasMessageContaining("OtherTasks");
  }

  @Test
  void javaNamesFollowTheGeneratedStubs() {
    assertThat(ServiceComposition.javaName(AdminServiceGrpc.getCreateTaskMethod()))
        .isEqualTo("createTask");
    assertThat(ServiceComposition.javaName(AdminServiceGrpc.getGetDomainsMethod()))
        .isEqualTo("getDomains");
  }
}
