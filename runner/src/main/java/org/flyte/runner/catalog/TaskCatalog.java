package org.flyte.runner.catalog;

import flyteidl.core.Literals.LiteralMap;
import java.time.Duration;
import java.util.Optional;

/**
 * The task cache: DataCatalog ({@link DataCatalogTaskCatalog}) or nothing ({@link #NONE}). Follows
 * {@code flyteplugins/go/tasks/pluginmachinery/catalog/client.go} (Flyte v1.16.8).
 */
public interface TaskCatalog {

  /** The outputs cached under {@code key}, or empty on a miss. */
  Optional<CachedOutputs> get(CatalogKey key);

  /** Caches {@code outputs} under {@code key}, overwriting what is there when {@code overwrite}. */
  CachedOutputs put(CatalogKey key, LiteralMap outputs, CatalogSource source, boolean overwrite);

  /**
   * Tries to reserve {@code key} for {@code owner} (cache serialization).
   *
   * @return true when {@code owner} holds the reservation
   */
  boolean reserve(CatalogKey key, String owner, Duration heartbeat);

  /** Releases a reservation held by {@code owner}. */
  void release(CatalogKey key, String owner);

  /** No cache: every lookup misses, puts are dropped, reservations always granted. */
  TaskCatalog NONE =
      new TaskCatalog() {
        @Override
        public Optional<CachedOutputs> get(CatalogKey key) {
          return Optional.empty();
        }

        @Override
        public CachedOutputs put(
            CatalogKey key, LiteralMap outputs, CatalogSource source, boolean overwrite) {
          return null;
        }

        @Override
        public boolean reserve(CatalogKey key, String owner, Duration heartbeat) {
          return true;
        }

        @Override
        public void release(CatalogKey key, String owner) {}
      };
}
