package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.version.VersionService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of GetVersion: the control plane's version,
 * commit and build time.
 */
@Component
public class VersionGrpcService implements AdminServiceGrpc.AsyncService {

  private final VersionService versions;

  public VersionGrpcService(VersionService versions) {
    this.versions = versions;
  }

  @Override
  public void getVersion(
      GetVersionRequest request, StreamObserver<GetVersionResponse> responseObserver) {
    reply(responseObserver, versions.get());
  }
}
