package org.flyte.bench.load;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import org.flyte.admin.FlyteAdminApplication;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** The apps the load benchmarks start in their own JVM, and the channels they load them through. */
public final class BenchApps {

  private BenchApps() {}

  /**
   * FlyteAdmin on free ports with its embedded PostgreSQL and local storage under {@code dir}
   * (reused between runs), logging warnings only.
   */
  public static ConfigurableApplicationContext startAdmin(
      Path dir, ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
    return FlyteAdminApplication.builder()
        .initializers(initializer)
        .run(
            "--flyte.server.httpPort=0",
            "--flyte.server.grpc.port=0",
            "--flyte.database.embedded.data-dir=" + dir.resolve("postgres"),
            "--flyte.storage.type=local",
            "--flyte.storage.container=admin",
            "--flyte.storage.local.path=" + dir.resolve("storage"),
            "--logging.level.root=WARN");
  }

  /** A plaintext channel to the gRPC port {@code app} listens on. */
  public static ManagedChannel channel(ConfigurableApplicationContext app) {
    String port = app.getEnvironment().getProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY);
    return Grpc.newChannelBuilder("127.0.0.1:" + port, InsecureChannelCredentials.create()).build();
  }
}
