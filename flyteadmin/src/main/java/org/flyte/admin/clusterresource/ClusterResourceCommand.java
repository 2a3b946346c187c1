package org.flyte.admin.clusterresource;

import org.flyte.common.config.FlyteCommandLine;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code flyteadmin clusterresource sync} (one pass; exit status 1 when anything failed) and {@code
 * flyteadmin clusterresource run} (a pass every refresh interval until stopped), as in {@code
 * flyteadmin/cmd/entrypoints/clusterresource.go} (v1.16.8). Both start FlyteAdmin's context without
 * its servers: the sync reads projects and attributes from the database.
 */
public final class ClusterResourceCommand {

  private ClusterResourceCommand() {}

  /** Runs {@code clusterresource <sub>}; returns the exit status, or -1 for {@code run}. */
  public static int run(SpringApplicationBuilder app, String sub, FlyteCommandLine line) {
    String[] args =
        line.springArgs(
            "--" + ClusterResourceConfiguration.COMMAND + "=" + sub,
            // The sync touches no object store: none needs to be configured or reachable.
            "--flyte.storage.type=mem",
            "--flyte.storage.container=unused");
    if ("run".equals(sub)) {
      // The loop's thread keeps the JVM up; the shutdown hook stops it.
      FlyteCommandLine.offline(app).run(args);
      return -1;
    }
    return FlyteCommandLine.runOnce(
        app,
        args,
        context -> context.getBean(ClusterResourceSyncService.class).sync().failed() ? 1 : 0);
  }
}
