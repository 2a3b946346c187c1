package org.flyte.bench.vsgo;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceFutureStub;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.flyte.admin.warmup.WarmupEntities;
import org.flyte.bench.load.CpuAccount;
import org.flyte.bench.load.LoadDriver;
import org.flyte.bench.load.LoadOptions;
import org.flyte.bench.load.ProcessMemory;

/**
 * The per-call floor and cheap reads of two or more running FlyteAdmins (ours and Flyte's Go
 * admin), phase by phase: each phase runs on every target back to back (the order alternating per
 * round), so that the ratios compare runs made within the same minute on a shared machine.
 *
 * <p>Phases: {@code grpc.health.v1.Health/Check} and {@code GetVersion} at {@code in-flight} and
 * {@code in-flight-high} calls in flight, {@code GetWorkflow} of a registered workflow, {@code
 * ListTasks} (a page of {@code page} versions of one task) over gRPC, and the same page over REST
 * in binary protobuf ({@code Accept: application/octet-stream}, FlyteConsole) and in JSON ({@code
 * Accept: application/json}). The project {@code bench}, one task with {@code page} versions and
 * one workflow are registered through the API first (ALREADY_EXISTS is fine).
 *
 * <p>Options ({@code --name=value}): {@code targets} (go,ours; the first is the baseline of the
 * ratios), {@code <target>.grpc}, {@code <target>.http}, {@code <target>.pid} (resident memory
 * after the run), {@code in-flight} (8), {@code in-flight-high} (32), {@code page} (25), {@code
 * seconds} (8), {@code warmup-seconds} (3), {@code rounds} (2; the median is reported), {@code
 * phases} (a comma-separated subset of the phase keys), {@code report}.
 *
 * <p>With a target's pid, the report also gives the CPU time the target used per call during each
 * measured run: the cost of a call on the server alone, whatever the load generator and the other
 * processes sharing the cores cost.
 */
public final class FloorLoad {

  static final String PROJECT = "bench";
  static final String DOMAIN = "development";
  static final String TASK = "bench.floor_task";
  static final String WORKFLOW = "bench.floor_wf";

  private FloorLoad() {}

  /** The calls of one target. */
  private record Client(Target target, ManagedChannel channel, Map<String, Phase> phases) {}

  /** One measured call shape. */
  record Phase(String title, int inFlight, Supplier<ListenableFuture<?>> call) {}

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    List<String> names = List.of(options.text("targets", "go,ours").split(","));
    int inFlight = options.integer("in-flight", 8);
    int high = options.integer("in-flight-high", 32);
    int page = options.integer("page", 25);
    int rounds = options.integer("rounds", 2);
    LoadDriver driver =
        new LoadDriver(
            options.seconds("warmup-seconds", 3), options.seconds("seconds", 8), 5_000_000);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2))
            .build();

    List<Client> clients = new ArrayList<>();
    for (String name : names) {
      clients.add(client(Target.of(options, name), inFlight, high, page, http));
    }
    List<String> keys =
        options.text("phases", null) == null
            ? List.copyOf(clients.get(0).phases().keySet())
            : List.of(options.text("phases", "").split(","));

    Map<String, Map<String, List<LoadDriver.Result>>> results = new LinkedHashMap<>();
    Map<String, Map<String, List<Double>>> cpu = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (String key : keys) {
        for (int i = 0; i < clients.size(); i++) {
          Client client = clients.get(round % 2 == 0 ? i : clients.size() - 1 - i);
          Phase phase = client.phases().get(key);
          long pid = client.target().pid();
          long[] cpuAtStart = new long[1];
          LoadDriver.Result r =
              driver.async(
                  phase.title(),
                  phase.inFlight(),
                  phase.call(),
                  () -> cpuAtStart[0] = CpuAccount.processNanos(pid));
          long cpuEnd = CpuAccount.processNanos(pid);
          double cpuMicros =
              cpuEnd < 0 || r.ops() == 0 ? -1 : (cpuEnd - cpuAtStart[0]) / 1e3 / r.ops();
          System.out.printf(
              "round %d %-28s %-5s %,9.0f calls/s p99 %6.2f ms errors %d server CPU %.0f us/call%n",
              round,
              key,
              client.target().name(),
              r.throughput(),
              r.p99Millis(),
              r.errors(),
              cpuMicros);
          cpu.computeIfAbsent(key, k -> new LinkedHashMap<>())
              .computeIfAbsent(client.target().name(), k -> new ArrayList<>())
              .add(cpuMicros);
          results
              .computeIfAbsent(key, k -> new LinkedHashMap<>())
              .computeIfAbsent(client.target().name(), k -> new ArrayList<>())
              .add(r);
        }
      }
    }
    Map<String, Double> memory = new LinkedHashMap<>();
    for (Client client : clients) {
      memory.put(client.target().name(), ProcessMemory.residentMiB(client.target().pid()));
      client.channel().shutdownNow();
    }
    String text =
        FloorReport.render(
            String.join(" ", args), names, keys, clients.get(0).phases(), results, cpu, memory);
    Path report = options.path("report", "bench/results/vs-go-floor.md");
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, text);
    System.out.println(text);
    System.exit(0);
  }

  private static Client client(Target target, int inFlight, int high, int page, HttpClient http)
      throws Exception {
    ManagedChannel channel =
        Grpc.newChannelBuilder(target.grpc(), InsecureChannelCredentials.create()).build();
    AdminServiceFutureStub admin = AdminServiceGrpc.newFutureStub(channel);
    var health = HealthGrpc.newFutureStub(channel);
    register(admin, page);

    HealthCheckRequest check = HealthCheckRequest.getDefaultInstance();
    GetVersionRequest version = GetVersionRequest.getDefaultInstance();
    ObjectGetRequest getWorkflow =
        ObjectGetRequest.newBuilder().setId(id(ResourceType.WORKFLOW, WORKFLOW, "v1")).build();
    ResourceListRequest list =
        ResourceListRequest.newBuilder()
            .setId(
                NamedEntityIdentifier.newBuilder()
                    .setProject(PROJECT)
                    .setDomain(DOMAIN)
                    .setName(TASK))
            .setLimit(page)
            .setSortBy(
                Sort.newBuilder().setKey("created_at").setDirection(Sort.Direction.DESCENDING))
            .build();
    URI rest =
        URI.create(
            target.http()
                + "/api/v1/tasks/"
                + PROJECT
                + "/"
                + DOMAIN
                + "/"
                + TASK
                + "?limit="
                + page
                + "&sort_by.key=created_at&sort_by.direction=DESCENDING");

    Map<String, Phase> phases = new LinkedHashMap<>();
    phases.put(
        "health-" + inFlight, new Phase("Health/Check", inFlight, () -> health.check(check)));
    phases.put("health-" + high, new Phase("Health/Check", high, () -> health.check(check)));
    phases.put(
        "version-" + inFlight, new Phase("GetVersion", inFlight, () -> admin.getVersion(version)));
    phases.put("version-" + high, new Phase("GetVersion", high, () -> admin.getVersion(version)));
    phases.put(
        "get-workflow",
        new Phase("GetWorkflow (registered)", inFlight, () -> admin.getWorkflow(getWorkflow)));
    phases.put(
        "list-grpc",
        new Phase("ListTasks, " + page + " versions, gRPC", inFlight, () -> admin.listTasks(list)));
    phases.put(
        "list-rest-binary",
        new Phase(
            "ListTasks, " + page + " versions, REST binary",
            inFlight,
            () -> get(http, rest, "application/octet-stream")));
    phases.put(
        "list-rest-json",
        new Phase(
            "ListTasks, " + page + " versions, REST JSON",
            inFlight,
            () -> get(http, rest, "application/json")));
    return new Client(target, channel, phases);
  }

  /** A REST GET as a future that fails unless the answer is 200 with a body. */
  static ListenableFuture<?> get(HttpClient http, URI uri, String accept) {
    SettableFuture<Object> done = SettableFuture.create();
    http.sendAsync(
            HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                done.setException(error);
              } else if (response.statusCode() != 200 || response.body().length == 0) {
                done.setException(new IllegalStateException("HTTP " + response.statusCode()));
              } else {
                done.set(response.body().length);
              }
            });
    return done;
  }

  private static void register(AdminServiceFutureStub admin, int page) throws Exception {
    ignoreAlreadyExists(
        () ->
            admin.registerProject(
                ProjectRegisterRequest.newBuilder()
                    .setProject(Project.newBuilder().setId(PROJECT).setName(PROJECT))
                    .build()));
    Identifier first = id(ResourceType.TASK, TASK, "v1");
    for (int v = 1; v <= page; v++) {
      Identifier task = id(ResourceType.TASK, TASK, "v" + v);
      ignoreAlreadyExists(
          () ->
              admin.createTask(
                  TaskCreateRequest.newBuilder()
                      .setId(task)
                      .setSpec(WarmupEntities.task(task))
                      .build()));
    }
    Identifier workflow = id(ResourceType.WORKFLOW, WORKFLOW, "v1");
    ignoreAlreadyExists(
        () ->
            admin.createWorkflow(
                WorkflowCreateRequest.newBuilder()
                    .setId(workflow)
                    .setSpec(WarmupEntities.workflow(workflow, first))
                    .build()));
    System.out.printf("registered at %s%n", Instant.now());
  }

  private static Identifier id(ResourceType type, String name, String version) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject(PROJECT)
        .setDomain(DOMAIN)
        .setName(name)
        .setVersion(version)
        .build();
  }

  private static void ignoreAlreadyExists(Supplier<ListenableFuture<?>> call) throws Exception {
    try {
      call.get().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof StatusRuntimeException s)
          || s.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
