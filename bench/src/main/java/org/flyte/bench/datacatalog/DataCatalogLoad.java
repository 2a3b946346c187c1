package org.flyte.bench.datacatalog;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import datacatalog.DataCatalogGrpc;
import datacatalog.DataCatalogGrpc.DataCatalogFutureStub;
import datacatalog.Datacatalog.AddTagRequest;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.ArtifactData;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.GetArtifactRequest;
import datacatalog.Datacatalog.GetDatasetRequest;
import datacatalog.Datacatalog.Tag;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flyte.bench.load.BenchApps;
import org.flyte.bench.load.LoadDriver;
import org.flyte.bench.load.LoadOptions;
import org.flyte.datacatalog.DataCatalogApplication;
import org.flyte.datacatalog.service.ArtifactDataStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The DataCatalog load driver: boots the app in this JVM on an embedded PostgreSQL and local-disk
 * storage, seeds it ({@link CatalogSeeder}), then measures over real gRPC on loopback, each phase
 * bounded in time and count: {@code grpc.health.v1.Health/Check} (the baseline), GetDataset,
 * GetArtifact by tag (hit and miss) and propeller's three-call write path; then the repository
 * statements in-process ({@link RepositoryLoad}) and the query plans ({@link QueryPlans}). Writes a
 * Markdown report.
 *
 * <p>Options ({@code --name=value}): {@code datasets} (10000), {@code artifacts-per-dataset} (100),
 * {@code hot-artifacts} (2, per dataset, with literals in storage), {@code in-flight} (32), {@code
 * seconds} (20), {@code warmup-seconds} (5), {@code max-ops} (2000000 per phase), {@code dir}
 * (bench/target/datacatalog-bench: database and storage, reused by later runs), {@code report}
 * (bench/results/datacatalog.md).
 */
public final class DataCatalogLoad {

  private DataCatalogLoad() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    int datasets = options.integer("datasets", 10000);
    int perDataset = options.integer("artifacts-per-dataset", 100);
    int hot = options.integer("hot-artifacts", 2);
    int inFlight = options.integer("in-flight", 32);
    Duration seconds = options.seconds("seconds", 20);
    Duration warmup = options.seconds("warmup-seconds", 5);
    long maxOps = options.number("max-ops", 2000000);
    Path dir = options.path("dir", "bench/target/datacatalog-bench").toAbsolutePath();
    Path report = options.path("report", "bench/results/datacatalog.md");
    Files.createDirectories(dir.resolve("storage"));

    ConfigurableApplicationContext app =
        DataCatalogApplication.builder()
            .run(
                "--flyte.application.grpcPort=0",
                "--flyte.application.httpPort=0",
                "--flyte.database.embedded.data-dir=" + dir.resolve("postgres"),
                "--flyte.database.maxOpenConnections=" + options.text("pool", "10"),
                "--flyte.storage.type=local",
                "--flyte.storage.container=catalog",
                "--flyte.storage.local.path=" + dir.resolve("storage"),
                "--logging.level.root=WARN");
    ManagedChannel channel = null;
    try {
      CatalogSeeder seeder =
          new CatalogSeeder(
              app.getBean(DataSource.class),
              app.getBean(ArtifactDataStore.class),
              datasets,
              perDataset,
              hot);
      long artifacts = seeder.seed();
      channel = BenchApps.channel(app);
      LoadDriver driver = new LoadDriver(warmup, seconds, maxOps);
      List<LoadDriver.Result> grpc = grpcPhases(driver, channel, datasets, hot, inFlight);
      RepositoryLoad repositories = new RepositoryLoad(app, datasets, hot);
      List<LoadDriver.Result> persistence =
          repositories.run(new LoadDriver(warmup, seconds.dividedBy(2), maxOps), 4);
      String plans = new QueryPlans(app.getBean(DataSource.class)).explain(datasets, hot);
      String text =
          Report.markdown(
              artifacts,
              datasets,
              perDataset,
              hot,
              inFlight,
              seconds,
              warmup,
              grpc,
              persistence,
              plans);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, text);
      System.out.println(text);
    } finally {
      if (channel != null) {
        channel.shutdownNow();
      }
      app.close();
    }
  }

  static List<LoadDriver.Result> grpcPhases(
      LoadDriver driver, ManagedChannel channel, int datasets, int hot, int inFlight)
      throws InterruptedException {
    DataCatalogFutureStub catalog = DataCatalogGrpc.newFutureStub(channel);
    var health = HealthGrpc.newFutureStub(channel);
    List<LoadDriver.Result> results = new ArrayList<>();
    results.add(
        driver.async(
            "Health/Check (baseline)",
            inFlight,
            () -> health.check(HealthCheckRequest.getDefaultInstance())));
    results.add(
        driver.async(
            "GetDataset",
            inFlight,
            () ->
                catalog.getDataset(
                    GetDatasetRequest.newBuilder().setDataset(dataset(random(datasets))).build())));
    results.add(
        driver.async(
            "GetArtifact by tag, hit",
            inFlight,
            () -> {
              int d = random(datasets);
              return catalog.getArtifact(
                  GetArtifactRequest.newBuilder()
                      .setDataset(dataset(d))
                      .setTagName(CatalogSeeder.tagName(d, random(hot)))
                      .build());
            }));
    results.add(
        driver.async(
            "GetArtifact by tag, miss (NOT_FOUND)",
            inFlight,
            () ->
                Futures.catching(
                    catalog.getArtifact(
                        GetArtifactRequest.newBuilder()
                            .setDataset(dataset(random(datasets)))
                            .setTagName("flyte_cached-miss-" + UUID.randomUUID())
                            .build()),
                    io.grpc.StatusRuntimeException.class,
                    e -> expect(e, Status.Code.NOT_FOUND),
                    MoreExecutors.directExecutor())));
    results.add(
        driver.async(
            "Write path (CreateDataset + CreateArtifact + AddTag)",
            inFlight,
            () -> writePath(catalog, datasets)));
    return results;
  }

  /** Propeller's cache write: the dataset usually exists (ALREADY_EXISTS is ignored). */
  private static ListenableFuture<?> writePath(DataCatalogFutureStub catalog, int datasets) {
    DatasetID dataset = dataset(random(datasets));
    String artifactId = UUID.randomUUID().toString();
    ListenableFuture<?> created =
        Futures.catching(
            catalog.createDataset(
                CreateDatasetRequest.newBuilder()
                    .setDataset(Dataset.newBuilder().setId(dataset))
                    .build()),
            io.grpc.StatusRuntimeException.class,
            e -> expect(e, Status.Code.ALREADY_EXISTS),
            MoreExecutors.directExecutor());
    ListenableFuture<?> artifact =
        Futures.transformAsync(
            created,
            ignored ->
                catalog.createArtifact(
                    CreateArtifactRequest.newBuilder()
                        .setArtifact(
                            Artifact.newBuilder()
                                .setId(artifactId)
                                .setDataset(dataset)
                                .addData(
                                    ArtifactData.newBuilder()
                                        .setName("o0")
                                        .setValue(CatalogSeeder.literal(42))))
                        .build()),
            MoreExecutors.directExecutor());
    return Futures.transformAsync(
        artifact,
        ignored ->
            catalog.addTag(
                AddTagRequest.newBuilder()
                    .setTag(
                        Tag.newBuilder()
                            .setDataset(dataset)
                            .setName("flyte_cached-w-" + artifactId)
                            .setArtifactId(artifactId))
                    .build()),
        MoreExecutors.directExecutor());
  }

  private static Object expect(io.grpc.StatusRuntimeException e, Status.Code code) {
    if (e.getStatus().getCode() != code) {
      throw e;
    }
    return code;
  }

  static DatasetID dataset(int d) {
    return DatasetID.newBuilder()
        .setProject(CatalogSeeder.PROJECT)
        .setDomain(CatalogSeeder.DOMAIN)
        .setName(CatalogSeeder.datasetName(d))
        .setVersion(CatalogSeeder.VERSION)
        .build();
  }

  static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }
}
