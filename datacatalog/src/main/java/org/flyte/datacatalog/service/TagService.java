package org.flyte.datacatalog.service;

import datacatalog.Datacatalog.AddTagRequest;
import datacatalog.Datacatalog.AddTagResponse;
import datacatalog.Datacatalog.Tag;
import java.time.Clock;
import org.flyte.common.error.FlyteException;
import org.flyte.datacatalog.repository.ArtifactRepository;
import org.flyte.datacatalog.repository.TagRepository;
import org.flyte.datacatalog.repository.row.ArtifactKey;
import org.flyte.datacatalog.repository.row.DatasetRow;
import org.flyte.datacatalog.repository.row.TagKey;
import org.flyte.datacatalog.service.validation.TagValidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * AddTag. Follows {@code datacatalog/pkg/manager/impl/tag_manager.go} (v1.16.8): the dataset and
 * the artifact must exist; a tag never moves, so an existing name is ALREADY_EXISTS whatever
 * artifact it points at (FlytePropeller takes that as success).
 */
@Service
public class TagService {

  private final DatasetService datasets;
  private final ArtifactRepository artifacts;
  private final TagRepository tags;
  private final DataCatalogMetrics metrics;
  private final Clock clock;

  public TagService(
      DatasetService datasets,
      ArtifactRepository artifacts,
      TagRepository tags,
      DataCatalogMetrics metrics,
      ObjectProvider<Clock> clock) {
    this.datasets = datasets;
    this.artifacts = artifacts;
    this.tags = tags;
    this.metrics = metrics;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  public AddTagResponse add(AddTagRequest request) {
    Tag tag = request.getTag();
    return metrics.record(
        "tag",
        "create",
        tag.getDataset().getProject(),
        tag.getDataset().getDomain(),
        () -> {
          TagValidator.validate(request.hasTag(), tag);
          DatasetRow dataset = datasets.find(tag.getDataset());
          ArtifactKey artifact = ArtifactKey.of(dataset.key(), tag.getArtifactId());
          if (!artifacts.exists(artifact)) {
            throw ArtifactService.notFound(artifact);
          }
          // An existing name is a unique violation: ALREADY_EXISTS from the repository.
          tags.insert(
              TagKey.of(dataset.key(), tag.getName()),
              tag.getArtifactId(),
              dataset.uuid(),
              DatasetService.now(clock));
          return AddTagResponse.getDefaultInstance();
        });
  }

  static FlyteException tagNotFound(TagKey key) {
    return FlyteException.notFound(
        "missing entity of type Tag with identifier name:\"%s\" dataset:{project:\"%s\""
            + " name:\"%s\" domain:\"%s\" version:\"%s\"}",
        key.tagName(),
        key.datasetProject(),
        key.datasetName(),
        key.datasetDomain(),
        key.datasetVersion());
  }
}
