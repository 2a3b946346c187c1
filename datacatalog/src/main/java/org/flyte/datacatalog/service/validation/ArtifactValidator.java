package org.flyte.datacatalog.service.validation;

import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.GetArtifactRequest;
import datacatalog.Datacatalog.ListArtifactsRequest;
import datacatalog.Datacatalog.Partition;
import datacatalog.Datacatalog.SinglePropertyFilter;
import datacatalog.Datacatalog.UpdateArtifactRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flyte.common.error.FlyteException;

/**
 * Artifact requests. Follows {@code datacatalog/pkg/manager/impl/validators/artifact_validator.go}
 * and {@code partition_validator.go} (v1.16.8).
 */
public final class ArtifactValidator {

  static final String QUERY_HANDLE = "one of artifactID/tagName";

  private ArtifactValidator() {}

  /** CreateArtifact: dataset id, artifact id and at least one data entry. */
  public static void validateCreate(boolean present, Artifact artifact) {
    if (!present) {
      throw ValidationErrors.missing("artifact");
    }
    DatasetValidator.validateId(artifact.hasDataset(), artifact.getDataset());
    ValidationErrors.requireNonEmpty(artifact.getId(), "artifactID");
    if (artifact.getDataCount() == 0) {
      throw ValidationErrors.missing("artifactData");
    }
  }

  /** GetArtifact: by id (dataset optional) or by tag (dataset required). */
  public static void validateGet(GetArtifactRequest request) {
    switch (request.getQueryHandleCase()) {
      case ARTIFACT_ID -> {
        if (request.hasDataset()) {
          DatasetValidator.validateId(true, request.getDataset());
        }
        ValidationErrors.requireNonEmpty(request.getArtifactId(), "artifactID");
      }
      case TAG_NAME -> {
        DatasetValidator.validateId(request.hasDataset(), request.getDataset());
        ValidationErrors.requireNonEmpty(request.getTagName(), "tagName");
      }
      default -> throw ValidationErrors.missing(QUERY_HANDLE);
    }
  }

  /** UpdateArtifact: the handle as for GetArtifact, and at least one data entry. */
  public static void validateUpdate(UpdateArtifactRequest request) {
    switch (request.getQueryHandleCase()) {
      case ARTIFACT_ID -> {
        if (request.hasDataset()) {
          DatasetValidator.validateId(true, request.getDataset());
        }
        ValidationErrors.requireNonEmpty(request.getArtifactId(), "artifactID");
      }
      case TAG_NAME -> {
        DatasetValidator.validateId(request.hasDataset(), request.getDataset());
        ValidationErrors.requireNonEmpty(request.getTagName(), "tagName");
      }
      default -> throw ValidationErrors.missing(QUERY_HANDLE);
    }
    if (request.getDataCount() == 0) {
      throw ValidationErrors.missing("artifactData");
    }
  }

  /** ListArtifacts: dataset id, no dataset filters (artifacts never span datasets), pagination. */
  public static void validateList(ListArtifactsRequest request) {
    DatasetValidator.validateId(request.hasDataset(), request.getDataset());
    for (SinglePropertyFilter filter : request.getFilter().getFiltersList()) {
      if (filter.hasDatasetFilter()) {
        throw ValidationErrors.invalidFilter("Artifact", "Dataset");
      }
    }
    if (request.hasPagination()) {
      PaginationValidator.validate(request.getPagination());
    }
  }

  /**
   * An artifact's partitions against its dataset's keys: one value per key, every key known. As in
   * Flyte, an empty value is accepted and an empty key is reported only as a key mismatch.
   */
  public static void validatePartitions(List<String> datasetKeys, List<Partition> partitions) {
    if (datasetKeys.size() != partitions.size()) {
      throw FlyteException.invalidArgument(
          "Partition key mismatch, dataset keys: %s, artifact Partitions: %s",
          GoFormat.list(datasetKeys),
          GoFormat.list(
              partitions.stream()
                  .map(p -> "key:\"" + p.getKey() + "\" value:\"" + p.getValue() + "\"")
                  .toList()));
    }
    Map<String, Boolean> matched = new LinkedHashMap<>();
    datasetKeys.forEach(k -> matched.put(k, false));
    boolean mismatch = false;
    for (Partition partition : partitions) {
      if (matched.containsKey(partition.getKey())) {
        matched.put(partition.getKey(), true);
      } else {
        mismatch = true;
      }
    }
    if (mismatch) {
      throw FlyteException.invalidArgument(
          "Artifact partition assignment does not match dataset partition keys: %s",
          GoFormat.map(matched));
    }
  }
}
