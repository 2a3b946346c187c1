package org.flyte.datacatalog.service.validation;

import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.ListDatasetsRequest;
import datacatalog.Datacatalog.SinglePropertyFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flyte.common.error.FlyteException;

/**
 * Dataset requests. Follows {@code datacatalog/pkg/manager/impl/validators/dataset_validator.go}
 * and {@code partition_validator.go} (v1.16.8): a dataset id needs all four of project, domain,
 * name and version (a uuid alone is not enough; {@code org} is ignored).
 */
public final class DatasetValidator {

  private DatasetValidator() {}

  /** A present dataset id with its four fields. */
  public static void validateId(boolean present, DatasetID id) {
    if (!present) {
      throw ValidationErrors.missing("dataset");
    }
    ValidationErrors.requireNonEmpty(id.getProject(), "project");
    ValidationErrors.requireNonEmpty(id.getDomain(), "domain");
    ValidationErrors.requireNonEmpty(id.getName(), "name");
    ValidationErrors.requireNonEmpty(id.getVersion(), "version");
  }

  /** The dataset's id and unique partition keys; all problems in one error. */
  public static void validateCreate(CreateDatasetRequest request) {
    List<FlyteException> errors = new ArrayList<>();
    try {
      validateId(
          request.hasDataset() && request.getDataset().hasId(), request.getDataset().getId());
    } catch (FlyteException e) {
      errors.add(e);
    }
    Map<String, Integer> occurrences = new TreeMap<>();
    boolean duplicate = false;
    for (String key : request.getDataset().getPartitionKeysList()) {
      duplicate |= occurrences.merge(key, 1, Integer::sum) > 1;
    }
    if (duplicate) {
      errors.add(
          ValidationErrors.invalidValue(
              "partitionKey",
              "Keys are not unique, occurrence count: " + GoFormat.map(occurrences)));
    }
    if (!errors.isEmpty()) {
      throw ValidationErrors.collected(errors);
    }
  }

  /** Pagination, and only dataset properties as filters. */
  public static void validateList(ListDatasetsRequest request) {
    if (request.hasPagination()) {
      PaginationValidator.validate(request.getPagination());
    }
    for (SinglePropertyFilter filter : request.getFilter().getFiltersList()) {
      switch (filter.getPropertyFilterCase()) {
        case TAG_FILTER -> throw ValidationErrors.invalidFilter("Dataset", "Tag");
        case PARTITION_FILTER -> throw ValidationErrors.invalidFilter("Dataset", "Partition");
        case ARTIFACT_FILTER -> throw ValidationErrors.invalidFilter("Dataset", "Artifact");
        default -> {}
      }
    }
  }
}
