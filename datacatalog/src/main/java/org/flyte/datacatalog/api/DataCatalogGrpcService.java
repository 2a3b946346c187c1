package org.flyte.datacatalog.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import datacatalog.DataCatalogGrpc;
import datacatalog.Datacatalog.AddTagRequest;
import datacatalog.Datacatalog.AddTagResponse;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateArtifactResponse;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.CreateDatasetResponse;
import datacatalog.Datacatalog.GetArtifactRequest;
import datacatalog.Datacatalog.GetArtifactResponse;
import datacatalog.Datacatalog.GetDatasetRequest;
import datacatalog.Datacatalog.GetDatasetResponse;
import datacatalog.Datacatalog.GetOrExtendReservationRequest;
import datacatalog.Datacatalog.GetOrExtendReservationResponse;
import datacatalog.Datacatalog.ListArtifactsRequest;
import datacatalog.Datacatalog.ListArtifactsResponse;
import datacatalog.Datacatalog.ListDatasetsRequest;
import datacatalog.Datacatalog.ListDatasetsResponse;
import datacatalog.Datacatalog.ReleaseReservationRequest;
import datacatalog.Datacatalog.ReleaseReservationResponse;
import datacatalog.Datacatalog.UpdateArtifactRequest;
import datacatalog.Datacatalog.UpdateArtifactResponse;
import io.grpc.stub.StreamObserver;
import org.flyte.datacatalog.service.ArtifactService;
import org.flyte.datacatalog.service.ArtifactUpdateService;
import org.flyte.datacatalog.service.DatasetService;
import org.flyte.datacatalog.service.ReservationService;
import org.flyte.datacatalog.service.TagService;
import org.springframework.stereotype.Component;

/**
 * {@code datacatalog.DataCatalog}, the task cache service that FlytePropeller calls. Each method
 * hands its request to a service; errors are mapped by the interceptor chain. Follows {@code
 * datacatalog/pkg/rpc/datacatalogservice/service.go} (v1.16.8). No authentication, as in Flyte:
 * headers that propeller sends ({@code authorization}) are ignored.
 */
@Component
public class DataCatalogGrpcService extends DataCatalogGrpc.DataCatalogImplBase {

  private final DatasetService datasets;
  private final ArtifactService artifacts;
  private final ArtifactUpdateService artifactUpdates;
  private final TagService tags;
  private final ReservationService reservations;

  public DataCatalogGrpcService(
      DatasetService datasets,
      ArtifactService artifacts,
      ArtifactUpdateService artifactUpdates,
      TagService tags,
      ReservationService reservations) {
    this.datasets = datasets;
    this.artifacts = artifacts;
    this.artifactUpdates = artifactUpdates;
    this.tags = tags;
    this.reservations = reservations;
  }

  @Override
  public void createDataset(CreateDatasetRequest r, StreamObserver<CreateDatasetResponse> o) {
    reply(o, datasets.create(r));
  }

  @Override
  public void getDataset(GetDatasetRequest r, StreamObserver<GetDatasetResponse> o) {
    reply(o, datasets.get(r));
  }

  @Override
  public void createArtifact(CreateArtifactRequest r, StreamObserver<CreateArtifactResponse> o) {
    reply(o, artifacts.create(r));
  }

  @Override
  public void getArtifact(GetArtifactRequest r, StreamObserver<GetArtifactResponse> o) {
    reply(o, artifacts.get(r));
  }

  @Override
  public void addTag(AddTagRequest r, StreamObserver<AddTagResponse> o) {
    reply(o, tags.add(r));
  }

  @Override
  public void listArtifacts(ListArtifactsRequest r, StreamObserver<ListArtifactsResponse> o) {
    reply(o, artifacts.list(r));
  }

  @Override
  public void listDatasets(ListDatasetsRequest r, StreamObserver<ListDatasetsResponse> o) {
    reply(o, datasets.list(r));
  }

  @Override
  public void updateArtifact(UpdateArtifactRequest r, StreamObserver<UpdateArtifactResponse> o) {
    reply(o, artifactUpdates.update(r));
  }

  @Override
  public void getOrExtendReservation(
      GetOrExtendReservationRequest r, StreamObserver<GetOrExtendReservationResponse> o) {
    reply(o, reservations.getOrExtend(r));
  }

  @Override
  public void releaseReservation(
      ReleaseReservationRequest r, StreamObserver<ReleaseReservationResponse> o) {
    reply(o, reservations.release(r));
  }
}
