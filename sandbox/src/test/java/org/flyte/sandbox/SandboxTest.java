package org.flyte.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import datacatalog.DataCatalogGrpc;
import datacatalog.Datacatalog.GetDatasetRequest;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flyte.common.storage.ContentDigests;
import org.flyte.testing.ChildJvm;
import org.flyte.testing.LocalHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole sandbox, started twice over the same data directory: first in this JVM (ready only once
 * all three apps listen; stopped under load), then as {@code ./sandbox.sh} runs it, in a JVM of its
 * own on ports given the way the README gives them, stopped with SIGTERM.
 */
class SandboxTest {

  private static final Duration WAIT = Duration.ofMinutes(3);

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static JdbcTemplate adminDatabase(Sandbox sandbox) {
    ConfigurableApplicationContext admin = sandbox.contexts().get(0);
    return new JdbcTemplate(admin.getBean(DataSource.class));
  }

  @Test
  void servesAllThreeAppsStopsCleanlyUnderLoadAndKeepsItsDataForTheNextStart() throws Exception {
    SandboxSettings settings =
        new SandboxSettings(
            dir, freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    ReadinessProbe probe = new ReadinessProbe(settings);
    Thread probing = new Thread(probe, "readiness-probe");
    probing.start();
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(settings);
      probing.join(Duration.ofSeconds(30).toMillis());
    } finally {
      probe.stop();
      probing.join();
    }
    assertThat(probe.unreadySeen).as("admin answered 503 while DataCatalog started").isPositive();
    assertThat(probe.notListeningAtFirst200)
        .as("when admin's /healthcheck first said 200, these did not listen yet")
        .isEmpty();
    assertThat(probe.first200).as("ready once start() returned").isTrue();

    try {
      assertThat(sandbox.contexts()).hasSize(3).allMatch(ConfigurableApplicationContext::isActive);
      assertThat(sandbox.describe())
          .contains("localhost:" + settings.adminGrpcPort())
          .contains("localhost:" + settings.catalogGrpcPort())
          .contains("S3     http://localhost:" + settings.s3Port() + "   (bucket my-s3-bucket");
      assertThat(dir.resolve("storage").resolve(SandboxStorage.BUCKET)).isDirectory();
      assertThat(LocalHttp.status(settings.catalogHttpPort(), "/healthcheck")).isEqualTo(200);
      assertThat(LocalHttp.status(settings.schedulerPort(), "/actuator/health/readiness"))
          .isEqualTo(200);
      servesAdminAndCatalog(settings);
      adminDatabase(sandbox)
          .update(
              "INSERT INTO projects (identifier, name, description) VALUES ('kept', 'kept', 'x')");
      JdbcTemplate catalogDb =
          new JdbcTemplate(sandbox.contexts().get(1).getBean(DataSource.class));
      assertThat(catalogDb.queryForObject("SELECT current_database()", String.class))
          .isEqualTo("datacatalog");
    } catch (RuntimeException | AssertionError e) {
      sandbox.close();
      throw e;
    }

    stopsUnderLoad(sandbox, settings);
    assertThat(listens(settings.s3Port())).as("the S3 endpoint stopped with the sandbox").isFalse();
    assertThat(Files.isDirectory(dir.resolve("postgres"))).isTrue();
    assertThat(dir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();

    startsAgainAsSandboxShDoesAndStopsOnSigterm();
  }

  private void servesAdminAndCatalog(SandboxSettings settings) {
    ManagedChannel admin = channel(settings.adminGrpcPort());
    ManagedChannel catalog = channel(settings.catalogGrpcPort());
    try {
      assertThat(
              AdminServiceGrpc.newBlockingStub(admin)
                  .getVersion(GetVersionRequest.getDefaultInstance())
                  .getControlPlaneVersion()
                  .getVersion())
          .isNotEmpty();
      Project flytesnacks =
          AdminServiceGrpc.newBlockingStub(admin)
              .getProject(ProjectGetRequest.newBuilder().setId("flytesnacks").build());
      assertThat(flytesnacks.getDescription()).isEqualTo("flytesnacks description");
      assertThat(flytesnacks.getState()).isEqualTo(Project.ProjectState.ACTIVE);
      StatusRuntimeException invalid =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  DataCatalogGrpc.newBlockingStub(catalog)
                      .getDataset(GetDatasetRequest.getDefaultInstance()));
      assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(invalid.getStatus().getDescription()).isEqualTo("missing dataset");
      uploadsThroughTheS3Endpoint(admin, settings);
    } finally {
      admin.shutdownNow();
      catalog.shutdownNow();
    }
  }

  /** A DataProxy upload URL, as pyflyte gets for fast registration, names the S3 endpoint. */
  private void uploadsThroughTheS3Endpoint(ManagedChannel admin, SandboxSettings settings) {
    byte[] archive = "fast registration".getBytes(StandardCharsets.UTF_8);
    String md5 = ContentDigests.base64Md5(archive);
    CreateUploadLocationResponse location =
        DataProxyServiceGrpc.newBlockingStub(admin)
            .createUploadLocation(
                CreateUploadLocationRequest.newBuilder()
                    .setProject("flytesnacks")
                    .setDomain("development")
                    .setFilename("fast.tar.gz")
                    .setContentMd5(ByteString.copyFrom(Base64.getDecoder().decode(md5)))
                    .build());
    assertThat(location.getSignedUrl())
        .startsWith("http://localhost:" + settings.s3Port() + "/my-s3-bucket/");
    assertThat(location.getNativeUrl()).startsWith("s3://my-s3-bucket/").endsWith("/fast.tar.gz");
    try {
      HttpResponse<String> put =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(location.getSignedUrl()))
                      .header("Content-MD5", md5)
                      .PUT(HttpRequest.BodyPublishers.ofByteArray(archive))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(dir.resolve("storage").resolve(location.getNativeUrl().substring("s3://".length())))
        .hasBinaryContent(archive);
  }

  /**
   * Clients keep listing projects (a database read) over gRPC while the sandbox stops: each call
   * succeeds or is refused (UNAVAILABLE), none fails inside (INTERNAL, UNKNOWN, database text).
   */
  private void stopsUnderLoad(Sandbox sandbox, SandboxSettings settings) throws Exception {
    ManagedChannel admin = channel(settings.adminGrpcPort());
    Map<Status.Code, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    List<String> failures = new CopyOnWriteArrayList<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    List<Thread> clients =
        List.of(1, 2, 3, 4).stream()
            .map(
                i ->
                    new Thread(
                        () -> {
                          while (loading.get()) {
                            Status.Code code = listProjects(admin, failures);
                            outcomes
                                .computeIfAbsent(code, c -> new AtomicInteger())
                                .incrementAndGet();
                          }
                        },
                        "load-" + i))
            .toList();
    clients.forEach(Thread::start);
    try {
      while (outcomes.getOrDefault(Status.Code.OK, new AtomicInteger()).get() < 20) {
        Thread.sleep(20);
      }
      Instant stop = Instant.now();
      sandbox.close();
      assertThat(Duration.between(stop, Instant.now())).isLessThan(Duration.ofSeconds(20));
    } finally {
      loading.set(false);
      for (Thread client : clients) {
        client.join();
      }
      admin.shutdownNow();
    }
    assertThat(outcomes.keySet())
        .containsAnyOf(Status.Code.OK)
        .isSubsetOf(Status.Code.OK, Status.Code.UNAVAILABLE);
    assertThat(failures).isEmpty();
  }

  private static Status.Code listProjects(ManagedChannel admin, List<String> failures) {
    try {
      AdminServiceGrpc.newBlockingStub(admin)
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .listProjects(ProjectListRequest.getDefaultInstance());
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
        failures.add(e.getStatus().toString());
      }
      return e.getStatus().getCode();
    }
  }

  /**
   * {@code ./sandbox.sh --flyte.server.httpPort=N} with the other ports from the environment, as
   * the README shows; data from the first start still there; SIGTERM stops it within seconds,
   * without a stack trace, and PostgreSQL with it.
   */
  private void startsAgainAsSandboxShDoesAndStopsOnSigterm() throws Exception {
    int adminHttp = freePort();
    Map<String, String> environment =
        Map.of(
            "FLYTE_SANDBOX_ADMIN_GRPC_PORT", "0",
            "FLYTE_SANDBOX_CATALOG_GRPC_PORT", "0",
            "FLYTE_SANDBOX_CATALOG_HTTP_PORT", "0",
            "FLYTE_SANDBOX_SCHEDULER_PORT", "0",
            "FLYTE_SANDBOX_S3_PORT", "0");
    try (ChildJvm child =
        ChildJvm.start(
            SandboxCommand.class,
            768,
            environment,
            "--dir=" + dir,
            "--flyte.server.httpPort=" + adminHttp)) {
      String up = child.await("Flyte sandbox is up", WAIT);
      assertThat(up).contains(dir.toString());
      String adminGrpc = child.await("  FlyteAdmin   gRPC   localhost:", Duration.ofSeconds(5));
      int adminGrpcPort = Integer.parseInt(adminGrpc.split("localhost:")[1].split(" ")[0]);
      assertThat(adminGrpcPort).isPositive();
      assertThat(LocalHttp.status(adminHttp, "/healthcheck")).isEqualTo(200);
      ManagedChannel admin = channel(adminGrpcPort);
      try {
        assertThat(
                AdminServiceGrpc.newBlockingStub(admin)
                    .getProject(ProjectGetRequest.newBuilder().setId("kept").build())
                    .getName())
            .as("data of the first start")
            .isEqualTo("kept");
      } finally {
        admin.shutdownNow();
      }
      long postgres =
          Long.parseLong(
              Files.readAllLines(dir.resolve("postgres").resolve("postmaster.pid")).get(0).strip());

      Instant signal = Instant.now();
      child.terminate();
      child.await("Stopped in", Duration.ofSeconds(60));
      assertThat(child.awaitExit(Duration.ofSeconds(30))).isTrue();
      assertThat(Duration.between(signal, Instant.now())).isLessThan(Duration.ofSeconds(20));
      assertThat(child.output())
          .as("a start and stop that print no warning, error or stack trace")
          .doesNotContain("WARN")
          .doesNotContain("ERROR")
          .doesNotContain("Exception")
          .doesNotContain("FATAL")
          .contains("FlyteAdmin   up in")
          .contains("DataCatalog  up in")
          .contains("Scheduler    up in");
      for (int i = 0;
          i < 100 && ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false);
          i++) {
        Thread.sleep(100);
      }
      assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive))
          .isNotEqualTo(Optional.of(true));
    }
  }

  /**
   * Polls admin's {@code /healthcheck} while the sandbox starts; at the first 200, checks that
   * every other listener of the sandbox accepts connections.
   */
  private final class ReadinessProbe implements Runnable {
    private final SandboxSettings settings;
    private volatile boolean running = true;
    volatile int unreadySeen;
    volatile boolean first200;
    final List<String> notListeningAtFirst200 = new CopyOnWriteArrayList<>();

    ReadinessProbe(SandboxSettings settings) {
      this.settings = settings;
    }

    void stop() {
      running = false;
    }

    @Override
    public void run() {
      while (running && !first200) {
        int code = LocalHttp.status(settings.adminHttpPort(), "/healthcheck");
        if (code == 503) {
          unreadySeen++;
        } else if (code == 200) {
          first200 = true;
          Map<String, Integer> ports =
              Map.of(
                  "admin gRPC", settings.adminGrpcPort(),
                  "DataCatalog gRPC", settings.catalogGrpcPort(),
                  "DataCatalog HTTP", settings.catalogHttpPort(),
                  "scheduler HTTP", settings.schedulerPort(),
                  "storage S3", settings.s3Port());
          ports.forEach(
              (name, port) -> {
                if (!listens(port)) {
                  notListeningAtFirst200.add(name);
                }
              });
          return;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static boolean listens(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static ManagedChannel channel(int port) {
    return Grpc.newChannelBuilder("localhost:" + port, InsecureChannelCredentials.create()).build();
  }
}
