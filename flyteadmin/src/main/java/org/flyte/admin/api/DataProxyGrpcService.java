package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.Dataproxy.CreateDownloadLinkRequest;
import flyteidl.service.Dataproxy.CreateDownloadLinkResponse;
import flyteidl.service.Dataproxy.CreateDownloadLocationRequest;
import flyteidl.service.Dataproxy.CreateDownloadLocationResponse;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import flyteidl.service.Dataproxy.GetDataRequest;
import flyteidl.service.Dataproxy.GetDataResponse;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.dataproxy.DataProxyService;
import org.flyte.admin.service.dataproxy.FlyteUrlData;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.DataProxyService}: signed upload and download URLs and download links of
 * node executions' artifacts, and GetData of {@code flyte://} URLs.
 */
@Component
public class DataProxyGrpcService extends DataProxyServiceGrpc.DataProxyServiceImplBase {

  private final DataProxyService dataProxy;
  private final FlyteUrlData flyteUrls;

  public DataProxyGrpcService(DataProxyService dataProxy, FlyteUrlData flyteUrls) {
    this.dataProxy = dataProxy;
    this.flyteUrls = flyteUrls;
  }

  @Override
  public void getData(GetDataRequest request, StreamObserver<GetDataResponse> responseObserver) {
    reply(responseObserver, flyteUrls.getData(request));
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
