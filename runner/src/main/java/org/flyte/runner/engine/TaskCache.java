package org.flyte.runner.engine;

import flyteidl.core.Catalog.CatalogCacheStatus;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.event.Event.TaskNodeMetadata;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.flyte.runner.catalog.CachedOutputs;
import org.flyte.runner.catalog.CatalogKey;
import org.flyte.runner.catalog.CatalogSource;

/**
 * The task cache around a task's attempts, for a task node and for each sub-task of an array node
 * alike ({@code flytepropeller/pkg/controller/nodes/cache.go} and {@code task/cache.go}, v1.16.8,
 * which the node executor applies to both): a discoverable task's outputs are looked up first
 * (unless {@code overwrite_cache}), a serializable one waits for the key's reservation, and the
 * outputs of a success are put in the cache. The node's cache status and catalog key are left in
 * {@link #metadata()}.
 */
final class TaskCache {

  /** Runs the task's attempts; returns the outputs or raises the failure. */
  interface Attempts {
    LiteralMap run() throws NodeFailure.Raised, InterruptedException;
  }

  private static final Duration RESERVATION_HEARTBEAT = Duration.ofSeconds(10);
  private static final Duration RESERVATION_POLL = Duration.ofMillis(500);

  private final RunContext ctx;
  private final Cancellation cancel;
  private TaskNodeMetadata.Builder metadata =
      TaskNodeMetadata.newBuilder().setCacheStatus(CatalogCacheStatus.CACHE_DISABLED);

  TaskCache(RunContext ctx, Cancellation cancel) {
    this.ctx = ctx;
    this.cancel = cancel;
  }

  /** The cache status (and the catalog key of a hit or a put) of the last {@link #run}. */
  TaskNodeMetadata.Builder metadata() {
    return metadata;
  }

  /** Whether the last {@link #run} took the outputs from the cache. */
  boolean hit() {
    return metadata.getCacheStatus() == CatalogCacheStatus.CACHE_HIT;
  }

  /**
   * The outputs of {@code task} on {@code inputs}: from the cache, or from {@code attempts}, then
   * cached.
   *
   * @param owner the reservation owner (the node's unique id within the execution)
   * @param lastAttempt the attempt whose outputs are put in the cache (the source of later hits)
   */
  LiteralMap run(
      TaskTemplate task,
      LiteralMap inputs,
      String owner,
      Attempts attempts,
      Supplier<TaskExecutionIdentifier> lastAttempt)
      throws NodeFailure.Raised, InterruptedException {
    TaskMetadata md = task.getMetadata();
    if (!md.getDiscoverable()) {
      metadata = TaskNodeMetadata.newBuilder().setCacheStatus(CatalogCacheStatus.CACHE_DISABLED);
      return attempts.run();
    }
    CatalogKey key =
        new CatalogKey(
            task.getId(),
            task.getInterface(),
            md.getDiscoveryVersion(),
            inputs,
            md.getCacheIgnoreInputVarsList());
    boolean overwrite = ctx.cr.executionConfig().overwriteCache();
    if (!overwrite) {
      Optional<LiteralMap> hit = hit(lookup(key));
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    String reservation = null;
    if (md.getCacheSerializable()) {
      reservation =
          UniqueIds.forParts(UniqueIds.TASK_NAME_LENGTH, ctx.executionId().getName(), owner);
      Optional<LiteralMap> hit = hit(waitForReservation(key, reservation, overwrite));
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    LiteralMap outputs;
    try {
      outputs = attempts.run();
    } finally {
      if (reservation != null) {
        release(key, reservation);
      }
    }
    TaskNodeMetadata.Builder put = TaskNodeMetadata.newBuilder();
    try {
      CachedOutputs stored =
          ctx.services.catalog().put(key, outputs, new CatalogSource(lastAttempt.get()), overwrite);
      put.setCacheStatus(CatalogCacheStatus.CACHE_POPULATED);
      if (stored != null) {
        put.setCatalogKey(stored.metadata());
      }
    } catch (RuntimeException e) {
      put.setCacheStatus(CatalogCacheStatus.CACHE_PUT_FAILURE);
    }
    metadata = put;
    return outputs;
  }

  private Optional<LiteralMap> hit(Optional<CachedOutputs> cached) {
    cached.ifPresent(
        c ->
            metadata =
                TaskNodeMetadata.newBuilder()
                    .setCacheStatus(CatalogCacheStatus.CACHE_HIT)
                    .setCatalogKey(c.metadata()));
    return cached.map(CachedOutputs::outputs);
  }

  /**
   * Cache serialization ({@code flytepropeller/pkg/controller/nodes/task/cache.go}): waits until
   * this node holds the reservation of the key, or another execution put the outputs in the cache.
   */
  private Optional<CachedOutputs> waitForReservation(
      CatalogKey key, String owner, boolean overwrite) throws InterruptedException {
    while (true) {
      cancel.check();
      boolean held;
      try {
        held = ctx.services.catalog().reserve(key, owner, RESERVATION_HEARTBEAT);
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      if (held) {
        return Optional.empty();
      }
      if (!overwrite) {
        Optional<CachedOutputs> hit = lookup(key);
        if (hit.isPresent()) {
          return hit;
        }
      }
      Thread.sleep(RESERVATION_POLL.toMillis());
    }
  }

  private void release(CatalogKey key, String owner) {
    try {
      ctx.services.catalog().release(key, owner);
    } catch (RuntimeException e) {
      // the reservation expires after its heartbeat
    }
  }

  private Optional<CachedOutputs> lookup(CatalogKey key) {
    try {
      return ctx.services.catalog().get(key);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
