package org.flyte.runner.catalog;

import com.google.protobuf.util.Durations;
import datacatalog.DataCatalogGrpc;
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
import datacatalog.Datacatalog.ReservationID;
import datacatalog.Datacatalog.Tag;
import datacatalog.Datacatalog.UpdateArtifactRequest;
import flyteidl.core.Catalog.CatalogArtifactTag;
import flyteidl.core.Catalog.CatalogMetadata;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The task cache in DataCatalog, as propeller's catalog client keeps it ({@code
 * flytepropeller/pkg/controller/nodes/catalog/datacatalog/datacatalog.go}, v1.16.8): one dataset
 * per task and interface, one artifact per set of inputs found by its tag, the source attempt in
 * the dataset's and artifact's metadata.
 */
public final class DataCatalogTaskCatalog implements TaskCatalog {

  private final DataCatalogGrpc.DataCatalogBlockingStub client;

  public DataCatalogTaskCatalog(Channel channel) {
    this.client = DataCatalogGrpc.newBlockingStub(channel);
  }

  private DataCatalogGrpc.DataCatalogBlockingStub stub() {
    return client.withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @Override
  public Optional<CachedOutputs> get(CatalogKey key) {
    Dataset dataset;
    Artifact artifact;
    try {
      dataset =
          stub()
              .getDataset(GetDatasetRequest.newBuilder().setDataset(key.datasetId()).build())
              .getDataset();
      artifact =
          stub()
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
    LiteralMap.Builder outputs = LiteralMap.newBuilder();
    for (ArtifactData data : artifact.getDataList()) {
      outputs.putLiterals(data.getName(), data.getValue());
    }
    int expected = key.taskInterface().getOutputs().getVariablesCount();
    if (outputs.getLiteralsCount() != expected) {
      return Optional.empty();
    }
    CatalogMetadata.Builder md =
        CatalogMetadata.newBuilder().setDatasetId(datasetIdentifier(dataset.getId()));
    if (artifact.getTagsCount() > 0) {
      Tag tag = artifact.getTags(0);
      md.setArtifactTag(
          CatalogArtifactTag.newBuilder()
              .setArtifactId(tag.getArtifactId())
              .setName(tag.getName()));
    }
    md.setSourceTaskExecution(source(dataset.getMetadata(), artifact.getMetadata(), key.task()));
    return Optional.of(new CachedOutputs(outputs.build(), md.build()));
  }

  @Override
  public CachedOutputs put(
      CatalogKey key, LiteralMap outputs, CatalogSource source, boolean overwrite) {
    DatasetID dataset = key.datasetId();
    try {
      stub()
          .createDataset(
              CreateDatasetRequest.newBuilder()
                  .setDataset(
                      Dataset.newBuilder()
                          .setId(dataset)
                          .setMetadata(datasetMetadata(source.taskExecution())))
                  .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
    String tagName = key.tagName();
    if (overwrite) {
      try {
        UpdateArtifactRequest.Builder update =
            UpdateArtifactRequest.newBuilder()
                .setDataset(dataset)
                .setTagName(tagName)
                .setMetadata(artifactMetadata(source.taskExecution()));
        outputs
            .getLiteralsMap()
            .forEach((n, v) -> update.addData(ArtifactData.newBuilder().setName(n).setValue(v)));
        String artifactId = stub().updateArtifact(update.build()).getArtifactId();
        return new CachedOutputs(
            outputs,
            metadata(dataset, tagName, artifactId)
                .setSourceTaskExecution(source.taskExecution())
                .build());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
          throw e;
        }
      }
    }
    Artifact.Builder artifact =
        Artifact.newBuilder()
            .setId(UUID.randomUUID().toString())
            .setDataset(dataset)
            .setMetadata(artifactMetadata(source.taskExecution()));
    outputs
        .getLiteralsMap()
        .forEach((n, v) -> artifact.addData(ArtifactData.newBuilder().setName(n).setValue(v)));
    stub().createArtifact(CreateArtifactRequest.newBuilder().setArtifact(artifact).build());
    try {
      stub()
          .addTag(
              AddTagRequest.newBuilder()
                  .setTag(
                      Tag.newBuilder()
                          .setName(tagName)
                          .setDataset(dataset)
                          .setArtifactId(artifact.getId()))
                  .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
    return new CachedOutputs(outputs, metadata(dataset, tagName, artifact.getId()).build());
  }

  @Override
  public boolean reserve(CatalogKey key, String owner, Duration heartbeat) {
    var reservation =
        stub()
            .getOrExtendReservation(
                GetOrExtendReservationRequest.newBuilder()
                    .setReservationId(reservationId(key))
                    .setOwnerId(owner)
                    .setHeartbeatInterval(Durations.fromMillis(heartbeat.toMillis()))
                    .build())
            .getReservation();
    return reservation.getOwnerId().equals(owner);
  }

  @Override
  public void release(CatalogKey key, String owner) {
    try {
      stub()
          .releaseReservation(
              ReleaseReservationRequest.newBuilder()
                  .setReservationId(reservationId(key))
                  .setOwnerId(owner)
                  .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
  }

  private static ReservationID reservationId(CatalogKey key) {
    return ReservationID.newBuilder()
        .setDatasetId(key.datasetId())
        .setTagName(key.tagName())
        .build();
  }

  private static CatalogMetadata.Builder metadata(
      DatasetID dataset, String tagName, String artifactId) {
    return CatalogMetadata.newBuilder()
        .setDatasetId(datasetIdentifier(dataset))
        .setArtifactTag(CatalogArtifactTag.newBuilder().setArtifactId(artifactId).setName(tagName));
  }

  private static Identifier datasetIdentifier(DatasetID id) {
    return Identifier.newBuilder()
        .setResourceType(flyteidl.core.IdentifierOuterClass.ResourceType.DATASET)
        .setProject(id.getProject())
        .setDomain(id.getDomain())
        .setName(id.getName())
        .setVersion(id.getVersion())
        .build();
  }

  private static Metadata datasetMetadata(TaskExecutionIdentifier source) {
    return Metadata.newBuilder().putKeyMap("task-version", source.getTaskId().getVersion()).build();
  }

  private static Metadata artifactMetadata(TaskExecutionIdentifier source) {
    WorkflowExecutionIdentifier exec = source.getNodeExecutionId().getExecutionId();
    return Metadata.newBuilder()
        .putKeyMap("exec-project", exec.getProject())
        .putKeyMap("exec-domain", exec.getDomain())
        .putKeyMap("execution-name", exec.getName())
        .putKeyMap("exec-node", source.getNodeExecutionId().getNodeId())
        .putKeyMap("exec-attempt", Integer.toString(source.getRetryAttempt()))
        .build();
  }

  private static TaskExecutionIdentifier source(
      Metadata datasetMd, Metadata artifactMd, Identifier current) {
    Map<String, String> d = datasetMd.getKeyMapMap();
    Map<String, String> a = artifactMd.getKeyMapMap();
    int attempt;
    try {
      attempt = Integer.parseInt(a.getOrDefault("exec-attempt", "0"));
    } catch (NumberFormatException e) {
      attempt = 0;
    }
    return TaskExecutionIdentifier.newBuilder()
        .setTaskId(current.toBuilder().setVersion(d.getOrDefault("task-version", "unknown")))
        .setRetryAttempt(attempt)
        .setNodeExecutionId(
            NodeExecutionIdentifier.newBuilder()
                .setNodeId(a.getOrDefault("exec-node", "unknown"))
                .setExecutionId(
                    WorkflowExecutionIdentifier.newBuilder()
                        .setProject(a.getOrDefault("exec-project", current.getProject()))
                        .setDomain(a.getOrDefault("exec-domain", current.getDomain()))
                        .setName(a.getOrDefault("execution-name", "unknown"))))
        .build();
  }
}
