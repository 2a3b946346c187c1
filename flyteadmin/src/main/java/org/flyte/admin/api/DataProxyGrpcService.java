package org.flyte.admin.api;

import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.Dataproxy.CreateDownloadLocationRequest;
import flyteidl.service.Dataproxy.CreateDownloadLocationResponse;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.DataProxyService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.DataProxyService}: signed upload and download URLs. CreateDownloadLink
 * and GetData answer UNIMPLEMENTED until executions exist.
 */
@Component
public class DataProxyGrpcService extends DataProxyServiceGrpc.DataProxyServiceImplBase {

  private final DataProxyService dataProxy;

  public DataProxyGrpcService(DataProxyService dataProxy) {
    this.dataProxy = dataProxy;
  }

  @Override
  public void createUploadLocation(
      CreateUploadLocationRequest request,
      StreamObserver<CreateUploadLocationResponse> responseObserver) {
    responseObserver.onNext(dataProxy.createUploadLocation(request));
    responseObserver.onCompleted();
  }

  @Override
  @SuppressWarnings("deprecation")
  public void createDownloadLocation(
      CreateDownloadLocationRequest request,
      StreamObserver<CreateDownloadLocationResponse> responseObserver) {
    responseObserver.onNext(dataProxy.createDownloadLocation(request));
    responseObserver.onCompleted();
  }
}
