package org.flyte.bench.datacatalog;

import com.google.common.util.concurrent.ListenableFuture;
import datacatalog.DataCatalogGrpc;
import datacatalog.DataCatalogGrpc.DataCatalogFutureStub;
import datacatalog.Datacatalog.AddTagRequest;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.ArtifactData;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.Tag;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.flyte.bench.load.LoadDriver;
import org.flyte.bench.load.LoadOptions;
import org.flyte.bench.load.ProcessMemory;

/**
 * The standard load on a DataCatalog running as its own process (an image, a jar started by hand):
 * registers a small catalog through the API, runs {@link DataCatalogLoad}'s gRPC phases against it
 * (Health/Check, GetDataset, GetArtifact by tag hit and miss, propeller's write path) and reports
 * the process's resident memory before the load, right after it and {@code settle-seconds} later —
 * the figures issue 16's "after a standard load" asks for, which the in-process driver cannot give.
 *
 * <p>Options ({@code --name=value}): {@code grpc} (host:port, required), {@code pid} (the process,
 * for its memory), {@code datasets} (200), {@code hot-artifacts} (2 per dataset), {@code in-flight}
 * (32), {@code seconds} (6), {@code warmup-seconds} (2), {@code settle-seconds} (10), {@code
 * report} (printed only when absent).
 */
public final class CatalogProcessLoad {

  private CatalogProcessLoad() {}

  /**
   * The process's VmRSS before and right after the load (and its PSS), and {@code settle} later.
   */
  private record Memory(
      double rssBefore, double rssAfter, double pssAfter, double rssSettled, Duration settle) {}

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    String target = options.text("grpc", null);
    if (target == null) {
      throw new IllegalArgumentException("--grpc=host:port is required");
    }
    long pid = options.number("pid", -1);
    int datasets = options.integer("datasets", 200);
    int hot = options.integer("hot-artifacts", 2);
    int inFlight = options.integer("in-flight", 32);
    Duration seconds = options.seconds("seconds", 6);
    Duration warmup = options.seconds("warmup-seconds", 2);
    Duration settle = options.seconds("settle-seconds", 10);
    String report = options.text("report", null);

    ManagedChannel channel =
        Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
    try {
      DataCatalogFutureStub catalog = DataCatalogGrpc.newFutureStub(channel);
      double rssBefore = ProcessMemory.residentMiB(pid);
      Instant start = Instant.now();
      register(catalog, datasets, hot);
      List<LoadDriver.Result> phases =
          DataCatalogLoad.grpcPhases(
              new LoadDriver(warmup, seconds, Long.MAX_VALUE), channel, datasets, hot, inFlight);
      double rssAfter = ProcessMemory.residentMiB(pid);
      double pssAfter = ProcessMemory.proportionalMiB(pid);
      TimeUnit.MILLISECONDS.sleep(settle.toMillis());
      Memory memory =
          new Memory(rssBefore, rssAfter, pssAfter, ProcessMemory.residentMiB(pid), settle);
      String text =
          markdown(start, target, datasets, hot, inFlight, seconds, warmup, phases, memory);
      System.out.print(text);
      if (report != null) {
        Path path = Path.of(report).toAbsolutePath();
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
      }
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * The datasets and their tagged artifacts the read phases look up, as propeller writes them; what
   * an earlier run registered answers ALREADY_EXISTS and is kept.
   */
  private static void register(DataCatalogFutureStub catalog, int datasets, int hot)
      throws InterruptedException {
    for (int d = 0; d < datasets; d++) {
      var dataset = DataCatalogLoad.dataset(d);
      await(
          catalog.createDataset(
              CreateDatasetRequest.newBuilder()
                  .setDataset(Dataset.newBuilder().setId(dataset))
                  .build()));
      for (int a = 0; a < hot; a++) {
        await(
            catalog.createArtifact(
                CreateArtifactRequest.newBuilder()
                    .setArtifact(
                        Artifact.newBuilder()
                            .setId(CatalogSeeder.artifactId(d, a))
                            .setDataset(dataset)
                            .addData(
                                ArtifactData.newBuilder()
                                    .setName("o0")
                                    .setValue(CatalogSeeder.literal(d * 1000L + a))))
                    .build()));
        await(
            catalog.addTag(
                AddTagRequest.newBuilder()
                    .setTag(
                        Tag.newBuilder()
                            .setDataset(dataset)
                            .setName(CatalogSeeder.tagName(d, a))
                            .setArtifactId(CatalogSeeder.artifactId(d, a)))
                    .build()));
      }
    }
  }

  private static void await(ListenableFuture<?> call) throws InterruptedException {
    try {
      call.get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof StatusRuntimeException s)
          || s.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw new IllegalStateException("registering the catalog failed", e.getCause());
      }
    }
  }

  private static String markdown(
      Instant start,
      String target,
      int datasets,
      int hot,
      int inFlight,
      Duration seconds,
      Duration warmup,
      List<LoadDriver.Result> phases,
      Memory memory) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s, DataCatalog at %s: %d datasets with %d tagged artifacts each registered through"
                + " the API; %d calls in flight; each phase %d s after a %d s warm-up; %d cores.%n%n",
            start,
            target,
            datasets,
            hot,
            inFlight,
            seconds.toSeconds(),
            warmup.toSeconds(),
            Runtime.getRuntime().availableProcessors()));
    out.append(Report.grpcTable(phases));
    out.append(
        String.format(
            Locale.ROOT,
            "%nResident memory of the process (VmRSS, MiB): %.0f before the load, %.0f right after"
                + " it (PSS %.0f), %.0f %d s later.%n",
            memory.rssBefore(),
            memory.rssAfter(),
            memory.pssAfter(),
            memory.rssSettled(),
            memory.settle().toSeconds()));
    return out.toString();
  }
}
