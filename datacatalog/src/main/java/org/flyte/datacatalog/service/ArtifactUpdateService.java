package org.flyte.datacatalog.service;

import datacatalog.Datacatalog.ArtifactData;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.UpdateArtifactRequest;
import datacatalog.Datacatalog.UpdateArtifactResponse;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.flyte.common.error.FlyteException;
import org.flyte.datacatalog.repository.ArtifactRepository;
import org.flyte.datacatalog.repository.mapper.MetadataMapper;
import org.flyte.datacatalog.repository.row.ArtifactKey;
import org.flyte.datacatalog.repository.row.ArtifactRow;
import org.flyte.datacatalog.service.validation.ArtifactValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * UpdateArtifact, FlytePropeller's "overwrite cache": the artifact (by id or by tag) keeps its id;
 * its metadata is replaced (absent metadata clears it), its literals are overwritten in place,
 * literals missing from the request are deleted. Follows {@code UpdateArtifact} in {@code
 * datacatalog/pkg/manager/impl/artifact_manager.go} (v1.16.8): blobs first, then the rows in one
 * transaction, then the removed blobs (so rows never point at missing blobs). Unlike Flyte, failing
 * to delete a removed blob after the commit is logged, not returned as an error: the update has
 * happened.
 */
@Service
public class ArtifactUpdateService {

  private static final Logger log = LoggerFactory.getLogger(ArtifactUpdateService.class);

  private final ArtifactService artifactService;
  private final ArtifactRepository artifacts;
  private final ArtifactDataStore store;
  private final DataCatalogMetrics metrics;
  private final Clock clock;

  public ArtifactUpdateService(
      ArtifactService artifactService,
      ArtifactRepository artifacts,
      ArtifactDataStore store,
      DataCatalogMetrics metrics,
      ObjectProvider<Clock> clock) {
    this.artifactService = artifactService;
    this.artifacts = artifacts;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  public UpdateArtifactResponse update(UpdateArtifactRequest request) {
    DatasetID id = request.getDataset();
    return metrics.record(
        "artifact",
        "update",
        id.getProject(),
        id.getDomain(),
        () -> {
          ArtifactValidator.validateUpdate(request);
          ArtifactRow row =
              artifactService.find(
                  request.hasDataset() ? id : null,
                  request.getQueryHandleCase() == UpdateArtifactRequest.QueryHandleCase.TAG_NAME,
                  request.getArtifactId(),
                  request.getTagName());
          ArtifactKey key = row.key();
          store.checkSizes(request.getDataList());
          for (ArtifactData data : request.getDataList()) {
            store.put(key, data);
          }
          Set<String> keep =
              request.getDataList().stream().map(ArtifactData::getName).collect(Collectors.toSet());
          boolean updated =
              artifacts.update(
                  key,
                  MetadataMapper.toColumn(request.hasMetadata() ? request.getMetadata() : null),
                  request.getDataList().stream()
                      .map(
                          d ->
                              new ArtifactRow.Data(
                                  d.getName(), store.location(key, d.getName()).toString()))
                      .toList(),
                  DatasetService.now(clock));
          if (!updated) {
            throw ArtifactService.notFound(key);
          }
          deleteRemoved(row, keep);
          return UpdateArtifactResponse.newBuilder().setArtifactId(key.artifactId()).build();
        });
  }

  private void deleteRemoved(ArtifactRow row, Set<String> keep) {
    for (ArtifactRow.Data data : row.data()) {
      if (!keep.contains(data.name())) {
        try {
          store.delete(data.location());
          metrics.count(
              "artifact",
              "delete_data.success",
              row.key().datasetProject(),
              row.key().datasetDomain());
        } catch (FlyteException e) {
          log.warn(
              "Updated artifact {}, but could not delete its removed data {}", row.key(), data, e);
          metrics.count(
              "artifact",
              "delete_data.failure",
              row.key().datasetProject(),
              row.key().datasetDomain());
        }
      }
    }
  }
}
