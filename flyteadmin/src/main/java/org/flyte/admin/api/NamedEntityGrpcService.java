package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.Common.NamedEntity;
import flyteidl.admin.Common.NamedEntityGetRequest;
import flyteidl.admin.Common.NamedEntityList;
import flyteidl.admin.Common.NamedEntityListRequest;
import flyteidl.admin.Common.NamedEntityUpdateRequest;
import flyteidl.admin.Common.NamedEntityUpdateResponse;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.namedentity.NamedEntityService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of named entities (Flyte's {@code
 * named_entity_manager.go}).
 */
@Component
public class NamedEntityGrpcService implements AdminServiceGrpc.AsyncService {

  private final NamedEntityService namedEntities;

  public NamedEntityGrpcService(NamedEntityService namedEntities) {
    this.namedEntities = namedEntities;
  }

  @Override
  public void getNamedEntity(
      NamedEntityGetRequest request, StreamObserver<NamedEntity> responseObserver) {
    reply(responseObserver, namedEntities.get(request));
  }

  @Override
  public void updateNamedEntity(
      NamedEntityUpdateRequest request,
      StreamObserver<NamedEntityUpdateResponse> responseObserver) {
    reply(responseObserver, namedEntities.update(request));
  }

  @Override
  public void listNamedEntities(
      NamedEntityListRequest request, StreamObserver<NamedEntityList> responseObserver) {
    reply(responseObserver, namedEntities.list(request));
  }
}
