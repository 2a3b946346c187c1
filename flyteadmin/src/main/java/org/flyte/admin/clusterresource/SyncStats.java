package org.flyte.admin.clusterresource;

import java.util.List;

/**
 * What one sync did, as Flyte's {@code ResourceSyncStats} counts it
 * (flyteadmin/pkg/clusterresource/sync_stats.go, v1.16.8), with the errors it collected.
 *
 * @param created objects created
 * @param updated objects patched
 * @param unchanged objects already as their template says (Flyte's "already there")
 * @param errored objects that could not be applied
 * @param errors every problem, in order; the sync goes on after each
 */
public record SyncStats(int created, int updated, int unchanged, int errored, List<String> errors) {

  public boolean failed() {
    return !errors.isEmpty();
  }

  @Override
  public String toString() {
    return "created %d, updated %d, unchanged %d, errored %d"
        .formatted(created, updated, unchanged, errored);
  }
}
