package org.flyte.datacatalog.propeller;

import com.google.protobuf.Duration;
import datacatalog.DataCatalogGrpc.DataCatalogBlockingStub;
import datacatalog.Datacatalog.AddTagRequest;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.ArtifactData;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.GetArtifactRequest;
import datacatalog.Datacatalog.GetDatasetRequest;
import datacatalog.Datacatalog.GetOrExtendReservationRequest;
import datacatalog.Datacatalog.Metadata;
import datacatalog.Datacatalog.ReleaseReservationRequest;
import datacatalog.Datacatalog.Reservation;
import datacatalog.Datacatalog.ReservationID;
import datacatalog.Datacatalog.Tag;
import datacatalog.Datacatalog.UpdateArtifactRequest;
import flyteidl.core.Literals.LiteralMap;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.UUID;

/**
 * A test client that calls DataCatalog exactly as FlytePropeller's catalog client does (after
 * {@code flytepropeller/pkg/controller/nodes/catalog/datacatalog/datacatalog.go}, v1.16.8):
 * NOT_FOUND from GetDataset or GetArtifact is a miss and any other error a failure; writes ignore
 * ALREADY_EXISTS on CreateDataset and AddTag; an overwrite falls back to create on NOT_FOUND.
 */
final class PropellerCatalogClient {

  /** Which execution produced a cache entry (becomes the artifact's metadata). */
  record Source(String project, String domain, String execution, String node, int attempt) {}

  private final DataCatalogBlockingStub catalog;

  PropellerCatalogClient(DataCatalogBlockingStub catalog) {
    this.catalog = catalog;
  }

  /** The cached outputs, or empty on a miss. */
  Optional<LiteralMap> get(CacheKey key) {
    Dataset dataset;
    Artifact artifact;
    try {
      dataset =
          catalog
              .getDataset(GetDatasetRequest.newBuilder().setDataset(key.datasetId()).build())
              .getDataset();
      artifact =
          catalog
              .getArtifact(
                  GetArtifactRequest.newBuilder()
                      .setDataset(dataset.getId())
                      .setTagName(key.tagName())
                      .build())
              .getArtifact();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    // Propeller parses the producing attempt on every hit; a non-numeric value breaks hits.
    Integer.parseUnsignedInt(artifact.getMetadata().getKeyMapOrDefault("exec-attempt", "0"));
    var outputs = key.taskInterface().getOutputs().getVariablesMap();
    if (artifact.getDataCount() != outputs.size()) {
      throw new IllegalStateException("artifact data do not match the task outputs: " + artifact);
    }
    LiteralMap.Builder result = LiteralMap.newBuilder();
    for (ArtifactData data : artifact.getDataList()) {
      if (!outputs.containsKey(data.getName())) {
        throw new IllegalStateException("unexpected artifact data " + data.getName());
      }
      result.putLiterals(data.getName(), data.getValue());
    }
    return Optional.of(result.build());
  }

  /** Caches the outputs of a successful execution; returns the tag's artifact id. */
  String put(CacheKey key, LiteralMap outputs, Source source) {
    DatasetID dataset = createDataset(key, source);
    return createArtifact(key, dataset, outputs, source);
  }

  /** Overwrites the cache entry (an "overwrite cache" execution). */
  String update(CacheKey key, LiteralMap outputs, Source source) {
    DatasetID dataset = createDataset(key, source);
    UpdateArtifactRequest.Builder request =
        UpdateArtifactRequest.newBuilder()
            .setDataset(dataset)
            .setTagName(key.tagName())
            .setMetadata(metadata(source));
    outputs.getLiteralsMap().forEach((n, v) -> request.addData(data(n, v)));
    try {
      return catalog.updateArtifact(request.build()).getArtifactId();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return createArtifact(key, dataset, outputs, source);
      }
      throw e;
    }
  }

  Reservation getOrExtendReservation(CacheKey key, String owner, java.time.Duration heartbeat) {
    return catalog
        .getOrExtendReservation(
            GetOrExtendReservationRequest.newBuilder()
                .setReservationId(reservationId(key))
                .setOwnerId(owner)
                .setHeartbeatInterval(
                    Duration.newBuilder()
                        .setSeconds(heartbeat.getSeconds())
                        .setNanos(heartbeat.getNano()))
                .build())
        .getReservation();
  }

  void releaseReservation(CacheKey key, String owner) {
    catalog.releaseReservation(
        ReleaseReservationRequest.newBuilder()
            .setReservationId(reservationId(key))
            .setOwnerId(owner)
            .build());
  }

  private static ReservationID reservationId(CacheKey key) {
    return ReservationID.newBuilder()
        .setDatasetId(key.datasetId())
        .setTagName(key.tagName())
        .build();
  }

  private DatasetID createDataset(CacheKey key, Source source) {
    DatasetID id = key.datasetId();
    ignoreAlreadyExists(
        () ->
            catalog.createDataset(
                CreateDatasetRequest.newBuilder()
                    .setDataset(
                        Dataset.newBuilder()
                            .setId(id)
                            .setMetadata(
                                Metadata.newBuilder()
                                    .putKeyMap("task-version", key.task().getVersion())))
                    .build()));
    return id;
  }

  private String createArtifact(
      CacheKey key, DatasetID dataset, LiteralMap outputs, Source source) {
    String artifactId = UUID.randomUUID().toString();
    Artifact.Builder artifact =
        Artifact.newBuilder().setId(artifactId).setDataset(dataset).setMetadata(metadata(source));
    outputs.getLiteralsMap().forEach((n, v) -> artifact.addData(data(n, v)));
    catalog.createArtifact(CreateArtifactRequest.newBuilder().setArtifact(artifact).build());
    ignoreAlreadyExists(
        () ->
            catalog.addTag(
                AddTagRequest.newBuilder()
                    .setTag(
                        Tag.newBuilder()
                            .setName(key.tagName())
                            .setDataset(dataset)
                            .setArtifactId(artifactId))
                    .build()));
    return artifactId;
  }

  private static Metadata metadata(Source source) {
    return Metadata.newBuilder()
        .putKeyMap("exec-project", source.project())
        .putKeyMap("exec-domain", source.domain())
        .putKeyMap("execution-name", source.execution())
        .putKeyMap("exec-node", source.node())
        .putKeyMap("exec-attempt", Integer.toString(source.attempt()))
        .build();
  }

  private static ArtifactData data(String name, flyteidl.core.Literals.Literal value) {
    return ArtifactData.newBuilder().setName(name).setValue(value).build();
  }

  private static void ignoreAlreadyExists(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
