package org.flyte.runner;

import flyteidl.core.Catalog.CatalogMetadata;
import flyteidl.core.Literals.LiteralMap;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flyte.runner.catalog.CachedOutputs;
import org.flyte.runner.catalog.CatalogKey;
import org.flyte.runner.catalog.CatalogSource;
import org.flyte.runner.catalog.TaskCatalog;

/** A task cache in a map, keyed as DataCatalog keys it (dataset and tag). */
final class FakeCatalog implements TaskCatalog {

  final Map<String, LiteralMap> entries = new ConcurrentHashMap<>();

  private static String key(CatalogKey key) {
    return key.datasetId() + "/" + key.tagName();
  }

  @Override
  public Optional<CachedOutputs> get(CatalogKey key) {
    LiteralMap hit = entries.get(key(key));
    return hit == null
        ? Optional.empty()
        : Optional.of(
            new CachedOutputs(
                hit, CatalogMetadata.newBuilder().setDatasetId(key.datasetIdentifier()).build()));
  }

  @Override
  public CachedOutputs put(
      CatalogKey key, LiteralMap outputs, CatalogSource source, boolean overwrite) {
    entries.put(key(key), outputs);
    return new CachedOutputs(
        outputs, CatalogMetadata.newBuilder().setDatasetId(key.datasetIdentifier()).build());
  }

  /** Another execution holding every reservation; null for none. */
  volatile String otherOwner;

  final java.util.List<String> released = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** How many reservations were refused because {@link #otherOwner} held them. */
  final AtomicInteger refusedReservations = new AtomicInteger();

  @Override
  public boolean reserve(CatalogKey key, String owner, Duration heartbeat) {
    if (otherOwner == null || otherOwner.equals(owner)) {
      return true;
    }
    refusedReservations.incrementAndGet();
    return false;
  }

  @Override
  public void release(CatalogKey key, String owner) {
    released.add(owner);
  }
}
