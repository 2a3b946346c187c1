package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.Dataproxy.CreateDownloadLinkRequest;
import flyteidl.service.Dataproxy.CreateDownloadLinkResponse;
import flyteidl.service.Dataproxy.CreateDownloadLocationRequest;
import flyteidl.service.Dataproxy.CreateDownloadLocationResponse;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.dataproxy.DataProxyService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.DataProxyService}: signed upload and download URLs and download links of
 * node executions' artifacts. GetData answers UNIMPLEMENTED until node executions exist (the event
 * ingestion).
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
    reply(responseObserver, dataProxy.createUploadLocation(request));
  }

  @Override
  public void createDownloadLink(
      CreateDownloadLinkRequest request,
      StreamObserver<CreateDownloadLinkResponse> responseObserver) {
    reply(responseObserver, dataProxy.createDownloadLink(request));
  }

  @Override
  @SuppressWarnings("deprecation")
  public void createDownloadLocation(
      CreateDownloadLocationRequest request,
      StreamObserver<CreateDownloadLocationResponse> responseObserver) {
    reply(responseObserver, dataProxy.createDownloadLocation(request));
  }
}
