package org.flyte.admin.api;

import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.VersionService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}. Each method hands its request to a service in one line.
 * Methods not overridden here answer UNIMPLEMENTED (HTTP 501 over REST) until their issue lands.
 */
@Component
public class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {

  private final VersionService versions;

  public AdminGrpcService(VersionService versions) {
    this.versions = versions;
  }

  @Override
  public void getVersion(
      GetVersionRequest request, StreamObserver<GetVersionResponse> responseObserver) {
    responseObserver.onNext(versions.getVersion());
    responseObserver.onCompleted();
  }
}
