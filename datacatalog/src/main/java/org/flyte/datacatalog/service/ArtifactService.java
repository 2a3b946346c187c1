package org.flyte.datacatalog.service;

import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.ArtifactData;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateArtifactResponse;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.GetArtifactRequest;
import datacatalog.Datacatalog.GetArtifactResponse;
import datacatalog.Datacatalog.ListArtifactsRequest;
import datacatalog.Datacatalog.ListArtifactsResponse;
import java.time.Clock;
import java.util.List;
import org.flyte.common.error.FlyteException;
import org.flyte.datacatalog.repository.ArtifactLookupRepository;
import org.flyte.datacatalog.repository.ArtifactRepository;
import org.flyte.datacatalog.repository.ListFilter;
import org.flyte.datacatalog.repository.ListPage;
import org.flyte.datacatalog.repository.mapper.ArtifactMapper;
import org.flyte.datacatalog.repository.mapper.DatasetMapper;
import org.flyte.datacatalog.repository.mapper.MetadataMapper;
import org.flyte.datacatalog.repository.row.ArtifactKey;
import org.flyte.datacatalog.repository.row.ArtifactRow;
import org.flyte.datacatalog.repository.row.DatasetRow;
import org.flyte.datacatalog.repository.row.TagKey;
import org.flyte.datacatalog.service.validation.ArtifactValidator;
import org.flyte.datacatalog.service.validation.FilterValidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CreateArtifact, GetArtifact and ListArtifacts (UpdateArtifact is {@link
 * ArtifactUpdateService}'s). Follows {@code datacatalog/pkg/manager/impl/artifact_manager.go}
 * (v1.16.8).
 *
 * <p>CreateArtifact inserts the rows first, inside a transaction that stays open while the literals
 * are written, and commits only when every blob is stored: a duplicate is detected before any blob
 * is touched (Flyte overwrites the existing artifact's blobs first, quirk A4), a concurrent creator
 * of the same artifact waits on the row lock and then gets ALREADY_EXISTS, and a failed blob write
 * leaves no row behind.
 */
@Service
public class ArtifactService {

  private final DatasetService datasets;
  private final ArtifactRepository artifacts;
  private final ArtifactLookupRepository lookup;
  private final ArtifactDataStore store;
  private final TransactionTemplate transactions;
  private final DataCatalogMetrics metrics;
  private final Clock clock;

  public ArtifactService(
      DatasetService datasets,
      ArtifactRepository artifacts,
      ArtifactLookupRepository lookup,
      ArtifactDataStore store,
      TransactionTemplate transactions,
      DataCatalogMetrics metrics,
      ObjectProvider<Clock> clock) {
    this.datasets = datasets;
    this.artifacts = artifacts;
    this.lookup = lookup;
    this.store = store;
    this.transactions = transactions;
    this.metrics = metrics;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** Stores an artifact's literals and rows; its tags are ignored (AddTag adds tags). */
  public CreateArtifactResponse create(CreateArtifactRequest request) {
    Artifact artifact = request.getArtifact();
    DatasetID id = artifact.getDataset();
    return metrics.record(
        "artifact",
        "create",
        id.getProject(),
        id.getDomain(),
        () -> {
          ArtifactValidator.validateCreate(request.hasArtifact(), artifact);
          DatasetRow dataset = datasets.find(id);
          ArtifactValidator.validatePartitions(
              dataset.partitionKeys(), artifact.getPartitionsList());
          store.checkSizes(artifact.getDataList());
          ArtifactKey key = ArtifactKey.of(dataset.key(), artifact.getId());
          transactions.executeWithoutResult(status -> insertThenStore(dataset, key, artifact));
          return CreateArtifactResponse.getDefaultInstance();
        });
  }

  private void insertThenStore(DatasetRow dataset, ArtifactKey key, Artifact artifact) {
    List<ArtifactData> data = artifact.getDataList();
    // ALREADY_EXISTS surfaces here, before any blob is written.
    artifacts.insert(
        key,
        dataset.uuid(),
        MetadataMapper.toColumn(artifact.hasMetadata() ? artifact.getMetadata() : null),
        data.stream()
            .map(
                d -> new ArtifactRow.Data(d.getName(), store.location(key, d.getName()).toString()))
            .toList(),
        artifact.getPartitionsList().stream()
            .map(p -> new ArtifactRow.Partition(p.getKey(), p.getValue()))
            .toList(),
        DatasetService.now(clock));
    for (ArtifactData d : data) {
      store.put(key, d);
    }
  }

  /** An artifact by id or by tag, with its literals read from storage. */
  public GetArtifactResponse get(GetArtifactRequest request) {
    DatasetID id = request.getDataset();
    return metrics.record(
        "artifact",
        "get",
        id.getProject(),
        id.getDomain(),
        () -> {
          ArtifactValidator.validateGet(request);
          ArtifactRow row =
              find(
                  request.hasDataset() ? id : null,
                  request.getQueryHandleCase() == GetArtifactRequest.QueryHandleCase.TAG_NAME,
                  request.getArtifactId(),
                  request.getTagName());
          return GetArtifactResponse.newBuilder()
              .setArtifact(ArtifactMapper.toProto(row, store.read(row)))
              .build();
        });
  }

  /** One page of a dataset's artifacts, each with its literals; {@code next_token} always set. */
  public ListArtifactsResponse list(ListArtifactsRequest request) {
    DatasetID id = request.getDataset();
    return metrics.record(
        "artifact",
        "list",
        id.getProject(),
        id.getDomain(),
        () -> {
          ArtifactValidator.validateList(request);
          DatasetRow dataset = datasets.find(id);
          List<ListFilter> filters = FilterValidator.artifactFilters(request.getFilter());
          ListPage page = FilterValidator.page(request.hasPagination(), request.getPagination());
          List<ArtifactRow> rows = lookup.list(dataset.uuid(), filters, page);
          ListArtifactsResponse.Builder response = ListArtifactsResponse.newBuilder();
          for (ArtifactRow row : rows) {
            response.addArtifacts(ArtifactMapper.toProto(row, store.read(row)));
          }
          return response.setNextToken(Integer.toString(page.offset() + rows.size())).build();
        });
  }

  /**
   * The artifact a query handle names: by tag (dataset required) or by id (in the dataset when one
   * is given, else the newest artifact with that id in any dataset). An artifact without data is
   * INTERNAL, as in Flyte.
   */
  ArtifactRow find(DatasetID dataset, boolean byTag, String artifactId, String tagName) {
    ArtifactRow row;
    if (byTag) {
      TagKey tag = TagKey.of(DatasetMapper.key(dataset), tagName);
      row = lookup.findByTag(tag).orElseThrow(() -> TagService.tagNotFound(tag));
    } else if (dataset != null) {
      ArtifactKey key = ArtifactKey.of(DatasetMapper.key(dataset), artifactId);
      row = lookup.findByKey(key).orElseThrow(() -> notFound(key));
    } else {
      row =
          lookup
              .findNewestById(artifactId)
              .orElseThrow(() -> notFound(new ArtifactKey("", "", "", "", artifactId)));
    }
    if (row.data().isEmpty()) {
      throw FlyteException.internal(
          "artifact [%s] with key %s does not have artifact data associated",
          row.key(), byTag ? tagName : artifactId);
    }
    return row;
  }

  static FlyteException notFound(ArtifactKey key) {
    return FlyteException.notFound(
        "missing entity of type Artifact with identifier dataset:{project:\"%s\" name:\"%s\""
            + " domain:\"%s\" version:\"%s\"} id:\"%s\"",
        key.datasetProject(),
        key.datasetName(),
        key.datasetDomain(),
        key.datasetVersion(),
        key.artifactId());
  }
}
