package org.flyte.admin.api.auth;

import flyteidl.service.Identity.UserInfoRequest;
import flyteidl.service.Identity.UserInfoResponse;
import flyteidl.service.IdentityServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.common.auth.CallerIdentity;

/**
 * {@code flyteidl.service.IdentityService}: {@code UserInfo} ({@code GET /me}) answers the caller's
 * profile from its token, as {@code flyteadmin/auth/user_info_provider.go} (v1.16.8). Over REST the
 * answer also carries {@code X-User-Subject} and one {@code X-User-Claim-<name>} header per claim.
 */
public class IdentityGrpcService extends IdentityServiceGrpc.IdentityServiceImplBase {

  @Override
  public void userInfo(UserInfoRequest request, StreamObserver<UserInfoResponse> responseObserver) {
    CallerIdentity identity = CallerIdentity.current();
    responseObserver.onNext(
        identity == null ? UserInfoResponse.getDefaultInstance() : identity.userInfo());
    responseObserver.onCompleted();
  }
}
