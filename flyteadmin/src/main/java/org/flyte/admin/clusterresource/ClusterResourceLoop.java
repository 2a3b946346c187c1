package org.flyte.admin.clusterresource;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code flyteadmin clusterresource run}: a sync at start, then one every {@code
 * cluster_resources.refreshInterval} (Flyte's {@code Run}, a {@code wait.Forever} loop), on a
 * thread of its own that keeps the process alive until it is stopped. A failed sync is logged and
 * retried at the next tick.
 */
class ClusterResourceLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ClusterResourceLoop.class);

  private final ClusterResourceSyncService sync;
  private final ClusterResourceProperties properties;
  private ScheduledExecutorService executor;

  ClusterResourceLoop(ClusterResourceSyncService sync, ClusterResourceProperties properties) {
    this.sync = sync;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "cluster-resource-sync");
              thread.setDaemon(false);
              return thread;
            });
    long every = properties.refreshInterval().toMillis();
    executor.scheduleWithFixedDelay(this::syncOnce, 0, every, TimeUnit.MILLISECONDS);
    log.info("Syncing cluster resources every {}", properties.refreshInterval());
  }

  private void syncOnce() {
    try {
      sync.sync();
    } catch (RuntimeException e) {
      log.error("Cluster resource sync failed", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
