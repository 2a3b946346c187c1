package org.flyte.admin.api.auth;

import flyteidl.service.Auth.OAuth2MetadataRequest;
import flyteidl.service.Auth.OAuth2MetadataResponse;
import flyteidl.service.Auth.PublicClientAuthConfigRequest;
import flyteidl.service.Auth.PublicClientAuthConfigResponse;
import flyteidl.service.AuthMetadataServiceGrpc;
import io.grpc.Metadata;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.auth.OAuth2MetadataService;

/**
 * {@code flyteidl.service.AuthMetadataService}: anonymous (exempt from authentication), so that
 * clients can learn how to log in. The public URL of the request comes from the {@code
 * x-forwarded-host} metadata (the REST gateway's {@code Host}) or the call's authority, captured by
 * {@link RequestHost}.
 */
public class AuthMetadataGrpcService extends AuthMetadataServiceGrpc.AuthMetadataServiceImplBase {

  private final OAuth2MetadataService metadata;

  public AuthMetadataGrpcService(OAuth2MetadataService metadata) {
    this.metadata = metadata;
  }

  @Override
  public void getOAuth2Metadata(
      OAuth2MetadataRequest request, StreamObserver<OAuth2MetadataResponse> responseObserver) {
    String publicUrl = metadata.publicUrls().forRequest(null, RequestHost.current());
    responseObserver.onNext(metadata.metadata(publicUrl));
    responseObserver.onCompleted();
  }

  @Override
  public void getPublicClientConfig(
      PublicClientAuthConfigRequest request,
      StreamObserver<PublicClientAuthConfigResponse> responseObserver) {
    responseObserver.onNext(metadata.publicClientConfig());
    responseObserver.onCompleted();
  }

  /** Unused marker so that the metadata import is kept for {@link RequestHost}'s key. */
  static final Metadata.Key<String> FORWARDED_HOST = RequestHost.FORWARDED_HOST;
}
