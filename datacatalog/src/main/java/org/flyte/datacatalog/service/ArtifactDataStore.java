package org.flyte.datacatalog.service;

import datacatalog.Datacatalog.ArtifactData;
import flyteidl.core.Literals.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.AbstractBlobStore;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.StorageKeys;
import org.flyte.datacatalog.config.DataCatalogProperties;
import org.flyte.datacatalog.repository.row.ArtifactKey;
import org.flyte.datacatalog.repository.row.ArtifactRow;
import org.springframework.stereotype.Component;

/**
 * Artifact data in object storage: each output literal is a binary {@code core.Literal} at {@code
 * <container>/<storage-prefix>/<project>/<domain>/<name>/<version>/<artifact id>/<output>/data.pb},
 * each part one key segment however it is spelled ({@link StorageKeys}), so no dataset name,
 * version, artifact id or output name reaches another artifact's data.
 *
 * <p>Follows {@code datacatalog/pkg/manager/impl/artifact_data_store.go} (v1.16.8), with two
 * decisions of ours (docs/adr/0009-datacatalog-quirks.md): a literal larger than the store's
 * download limit ({@code storage.limits.maxDownloadMBs}) is refused when written, since it could
 * never be read back; and a blob that has gone missing reads as NOT_FOUND (a cache miss for
 * FlytePropeller) instead of INTERNAL.
 */
@Component
public class ArtifactDataStore {

  static final String DATA_FILE = "data.pb";

  private final ProtoStore store;
  private final DataReference prefix;
  private final long maxBytes;

  public ArtifactDataStore(ProtoStore store, DataCatalogProperties properties) {
    this.store = store;
    BlobStore blobs = store.blobs();
    this.prefix =
        properties.storagePrefix().isBlank()
            ? blobs.baseContainer()
            : blobs.baseContainer().resolve(properties.storagePrefix());
    this.maxBytes = blobs instanceof AbstractBlobStore s ? s.settings().maxDownloadBytes() : 0;
  }

  /** Where the literal named {@code name} of this artifact lives. */
  public DataReference location(ArtifactKey artifact, String name) {
    return StorageKeys.under(
        prefix,
        artifact.datasetProject(),
        artifact.datasetDomain(),
        artifact.datasetName(),
        artifact.datasetVersion(),
        artifact.artifactId(),
        name,
        DATA_FILE);
  }

  /** Refuses literals that could not be read back; call before writing anything. */
  public void checkSizes(List<ArtifactData> data) {
    for (ArtifactData d : data) {
      long size = d.getValue().getSerializedSize();
      if (maxBytes > 0 && size > maxBytes) {
        throw new FlyteException(
            ErrorCode.RESOURCE_EXHAUSTED,
            String.format(
                Locale.ROOT,
                "artifact data [%s] is %d bytes, more than the %d bytes that storage reads allow"
                    + " (storage.limits.maxDownloadMBs)",
                d.getName(),
                size,
                maxBytes));
      }
    }
  }

  /** Writes one literal; returns its location. */
  public DataReference put(ArtifactKey artifact, ArtifactData data) {
    DataReference location = location(artifact, data.getName());
    try {
      store.write(location, data.getValue());
    } catch (FlyteException e) {
      throw new FlyteException(
          ErrorCode.INTERNAL,
          "Unable to store artifact data in location " + location + ", err " + e.getMessage(),
          e);
    }
    return location;
  }

  /** Reads every literal of an artifact, in its order. */
  public List<ArtifactData> read(ArtifactRow artifact) {
    List<ArtifactData> values = new ArrayList<>(artifact.data().size());
    for (ArtifactRow.Data data : artifact.data()) {
      values.add(ArtifactData.newBuilder().setName(data.name()).setValue(read(data)).build());
    }
    return values;
  }

  private Literal read(ArtifactRow.Data data) {
    try {
      return store.read(DataReference.parse(data.location()), Literal.parser());
    } catch (FlyteException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        throw new FlyteException(
            ErrorCode.NOT_FOUND,
            "artifact data [" + data.name() + "] is missing from " + data.location(),
            e);
      }
      throw new FlyteException(
          ErrorCode.INTERNAL,
          "Unable to read artifact data from location "
              + data.location()
              + ", err "
              + e.getMessage(),
          e);
    }
  }

  /** Deletes one literal. */
  public void delete(String location) {
    store.blobs().delete(DataReference.parse(location));
  }
}
