package org.flyte.sandbox.executor;

import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flyte.common.auth.client.AdminAuthProperties;
import org.flyte.common.auth.client.AdminAuthentication;
import org.flyte.common.storage.BlobStore;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.runner.RunnerSettings;
import org.flyte.runner.WorkflowRunner;
import org.flyte.sandbox.SandboxStorage;
import org.jspecify.annotations.Nullable;

/**
 * The {@link LocalRunner} of the sandbox: the runner module's {@link WorkflowRunner}, talking to
 * the sandbox's FlyteAdmin and DataCatalog over gRPC on localhost as FlytePropeller talks to them,
 * and to the storage through its own store on the sandbox's S3 endpoint.
 */
public final class InProcessRunner implements LocalRunner {

  private final WorkflowRunner runner;
  private final BlobStore store;
  private final List<ManagedChannel> channels;

  private InProcessRunner(WorkflowRunner runner, BlobStore store, List<ManagedChannel> channels) {
    this.runner = runner;
    this.store = store;
    this.channels = channels;
  }

  /**
   * Where the runner finds the sandbox.
   *
   * @param adminGrpcPort FlyteAdmin's gRPC port
   * @param catalogGrpcPort DataCatalog's gRPC port
   * @param s3Endpoint the storage's S3 endpoint, for the tasks
   * @param accessKey the storage's access key, for the tasks
   * @param secretKey the storage's secret key, for the tasks
   * @param clientSecretFile the secret of the {@code flytepropeller} client when FlyteAdmin
   *     requires authentication, else null
   * @param workDirectory scratch space for task attempts
   */
  public record Wiring(
      int adminGrpcPort,
      int catalogGrpcPort,
      String s3Endpoint,
      String accessKey,
      String secretKey,
      @Nullable Path clientSecretFile,
      Path workDirectory) {}

  /**
   * Starts a runner for the sandbox.
   *
   * @param store the store it reads and writes (closed with the runner)
   */
  public static InProcessRunner start(
      SandboxExecutorProperties.Runner properties, Wiring wiring, BlobStore store) {
    ManagedChannel admin = channel(wiring.adminGrpcPort());
    ManagedChannel catalog = channel(wiring.catalogGrpcPort());
    Channel authenticatedAdmin = adminChannel(admin, wiring);
    RunnerSettings settings =
        RunnerSettings.defaults()
            .withPython(properties.python())
            .withMaxParallelTasks(properties.maxParallelTasks())
            .withWorkDirectory(wiring.workDirectory())
            // FlyteConsole's "Logs" links: the attempt's stdout and stderr, read without
            // credentials.
            .withLogLinkTemplate(wiring.s3Endpoint() + "/" + SandboxStorage.BUCKET + "/{key}")
            .withTaskEnvironment(
                Map.of(
                    // What Flyte's demo cluster gives every task pod (default-env-vars).
                    "FLYTE_AWS_ENDPOINT", wiring.s3Endpoint(),
                    "FLYTE_AWS_ACCESS_KEY_ID", wiring.accessKey(),
                    "FLYTE_AWS_SECRET_ACCESS_KEY", wiring.secretKey(),
                    "FLYTE_PLATFORM_URL", "localhost:" + wiring.adminGrpcPort(),
                    "FLYTE_PLATFORM_INSECURE", "true"));
    WorkflowRunner runner = WorkflowRunner.create(settings, store, authenticatedAdmin, catalog);
    return new InProcessRunner(runner, store, List.of(admin, catalog));
  }

  /** {@code channel} with the sandbox's client credentials when FlyteAdmin requires them. */
  public static Channel adminChannel(ManagedChannel channel, Wiring wiring) {
    return wiring.clientSecretFile() == null
        ? channel
        : AdminAuthentication.authenticate(channel, credentials(wiring.clientSecretFile()));
  }

  private static ManagedChannel channel(int port) {
    return Grpc.newChannelBuilder("localhost:" + port, InsecureChannelCredentials.create()).build();
  }

  private static AdminAuthProperties credentials(Path clientSecretFile) {
    AdminAuthProperties defaults = AdminAuthProperties.defaults();
    return new AdminAuthProperties(
        AdminAuthProperties.CLIENT_SECRET,
        defaults.clientId(),
        clientSecretFile,
        "",
        "",
        List.of(),
        "",
        false,
        "",
        defaults.maxRetries(),
        defaults.perRetryTimeout());
  }

  @Override
  public void start(FlyteWorkflow workflow) {
    runner.start(workflow);
  }

  @Override
  public void abort(WorkflowExecutionIdentifier executionId, String cause) {
    runner.abort(executionId, cause);
  }

  /** Aborts what still runs (reported to FlyteAdmin, which must still listen), then disconnects. */
  @Override
  public void close() {
    try {
      runner.close();
    } finally {
      for (ManagedChannel channel : channels) {
        channel.shutdown();
      }
      for (ManagedChannel channel : channels) {
        try {
          if (!channel.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
            channel.shutdownNow();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          channel.shutdownNow();
        }
      }
      store.close();
    }
  }
}
