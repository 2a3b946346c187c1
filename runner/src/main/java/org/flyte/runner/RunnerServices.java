package org.flyte.runner;

import java.time.Clock;
import org.flyte.common.storage.BlobStore;
import org.flyte.runner.catalog.TaskCatalog;
import org.flyte.runner.event.EventSink;
import org.flyte.runner.process.ProcessLauncher;
import org.flyte.runner.remote.ControlPlane;

/**
 * What the runner talks to; each a seam that tests replace.
 *
 * @param store the metadata and raw data store (the {@code s3://my-s3-bucket} of the sandbox)
 * @param events where events go (FlyteAdmin)
 * @param launcher starts task processes
 * @param controlPlane child executions and signals (FlyteAdmin)
 * @param catalog the task cache (DataCatalog)
 * @param clock the time events carry
 */
public record RunnerServices(
    BlobStore store,
    EventSink events,
    ProcessLauncher launcher,
    ControlPlane controlPlane,
    TaskCatalog catalog,
    Clock clock) {

  public RunnerServices {
    catalog = catalog == null ? TaskCatalog.NONE : catalog;
    clock = clock == null ? Clock.systemUTC() : clock;
  }
}
