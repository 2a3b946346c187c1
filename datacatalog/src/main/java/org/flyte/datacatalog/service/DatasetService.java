package org.flyte.datacatalog.service;

import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.CreateDatasetResponse;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.GetDatasetRequest;
import datacatalog.Datacatalog.GetDatasetResponse;
import datacatalog.Datacatalog.ListDatasetsRequest;
import datacatalog.Datacatalog.ListDatasetsResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.flyte.common.error.FlyteException;
import org.flyte.datacatalog.repository.DatasetLookupRepository;
import org.flyte.datacatalog.repository.DatasetRepository;
import org.flyte.datacatalog.repository.ListPage;
import org.flyte.datacatalog.repository.mapper.DatasetMapper;
import org.flyte.datacatalog.repository.mapper.MetadataMapper;
import org.flyte.datacatalog.repository.row.DatasetKey;
import org.flyte.datacatalog.repository.row.DatasetRow;
import org.flyte.datacatalog.service.validation.DatasetValidator;
import org.flyte.datacatalog.service.validation.FilterValidator;
import org.flyte.datacatalog.service.validation.ValidationErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * CreateDataset, GetDataset and ListDatasets. Follows {@code
 * datacatalog/pkg/manager/impl/dataset_manager.go} (v1.16.8).
 */
@Service
public class DatasetService {

  private final DatasetRepository datasets;
  private final DatasetLookupRepository lookup;
  private final DataCatalogMetrics metrics;
  private final Clock clock;

  public DatasetService(
      DatasetRepository datasets,
      DatasetLookupRepository lookup,
      DataCatalogMetrics metrics,
      ObjectProvider<Clock> clock) {
    this.datasets = datasets;
    this.lookup = lookup;
    this.metrics = metrics;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** Creates a dataset and its partition keys; ALREADY_EXISTS for a duplicate key or uuid. */
  public CreateDatasetResponse create(CreateDatasetRequest request) {
    DatasetID id = request.getDataset().getId();
    return metrics.record(
        "dataset",
        "create",
        id.getProject(),
        id.getDomain(),
        () -> {
          DatasetValidator.validateCreate(request);
          Dataset dataset = request.getDataset();
          UUID uuid = id.getUUID().isEmpty() ? UUID.randomUUID() : uuid(id.getUUID());
          // FlytePropeller creates the dataset before every cache write, so it usually exists:
          // one primary-key read answers that without a failed insert and its rollback. A
          // concurrent creator is still caught by the unique key.
          if (lookup.find(DatasetMapper.key(id), null).isPresent()) {
            throw FlyteException.alreadyExists(
                "value with matching already exists (duplicate key value violates unique"
                    + " constraint \"datasets_pkey\")");
          }
          datasets.insert(
              DatasetMapper.key(id),
              uuid,
              MetadataMapper.toColumn(dataset.hasMetadata() ? dataset.getMetadata() : null),
              dataset.getPartitionKeysList(),
              now(clock));
          return CreateDatasetResponse.getDefaultInstance();
        });
  }

  /** The dataset with this id; NOT_FOUND when there is none. */
  public GetDatasetResponse get(GetDatasetRequest request) {
    DatasetID id = request.getDataset();
    return metrics.record(
        "dataset",
        "get",
        id.getProject(),
        id.getDomain(),
        () -> {
          DatasetValidator.validateId(request.hasDataset(), id);
          return GetDatasetResponse.newBuilder()
              .setDataset(DatasetMapper.toProto(find(id)))
              .build();
        });
  }

  /** One page of datasets; {@code next_token} is always set (Flyte's behaviour). */
  public ListDatasetsResponse list(ListDatasetsRequest request) {
    return metrics.record(
        "dataset",
        "list",
        "",
        "",
        () -> {
          DatasetValidator.validateList(request);
          var filters = FilterValidator.datasetFilters(request.getFilter());
          ListPage page = FilterValidator.page(request.hasPagination(), request.getPagination());
          var rows = lookup.list(filters, page);
          return ListDatasetsResponse.newBuilder()
              .addAllDatasets(rows.stream().map(DatasetMapper::toProto).toList())
              .setNextToken(Integer.toString(page.offset() + rows.size()))
              .build();
        });
  }

  /** The dataset an id names (its uuid too, when given), or NOT_FOUND. */
  DatasetRow find(DatasetID id) {
    DatasetKey key = DatasetMapper.key(id);
    return lookup
        .find(key, id.getUUID().isEmpty() ? null : uuid(id.getUUID()))
        .orElseThrow(() -> notFound(id));
  }

  static FlyteException notFound(DatasetID id) {
    return FlyteException.notFound(
        "missing entity of type Dataset with identifier %s",
        DatasetMapper.id(DatasetMapper.key(id)).toString().replace('\n', ' ').trim());
  }

  static @Nullable UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ValidationErrors.invalidValue("UUID", text);
    }
  }

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
