package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityList;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityListRequest;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.description.DescriptionEntityService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of description entities (Flyte's {@code
 * description_entity_manager.go}).
 */
@Component
public class DescriptionEntityGrpcService implements AdminServiceGrpc.AsyncService {

  private final DescriptionEntityService descriptionEntities;

  public DescriptionEntityGrpcService(DescriptionEntityService descriptionEntities) {
    this.descriptionEntities = descriptionEntities;
  }

  @Override
  public void getDescriptionEntity(
      ObjectGetRequest request, StreamObserver<DescriptionEntity> responseObserver) {
    reply(responseObserver, descriptionEntities.get(request));
  }

  @Override
  public void listDescriptionEntities(
      DescriptionEntityListRequest request,
      StreamObserver<DescriptionEntityList> responseObserver) {
    reply(responseObserver, descriptionEntities.list(request));
  }
}
