package org.flyte.admin;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.ProjectOuterClass.InactiveProject;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.flyte.admin.executor.RecordingWorkflowExecutor;
import org.flyte.admin.warmup.SelfWarmup;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.flyte.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of every test that boots FlyteAdmin: the real app (through its main method) on random
 * HTTP and gRPC ports, against a fresh database of the test PostgreSQL and in-memory storage, with
 * the {@link RecordingWorkflowExecutor} as its executor. All subclasses share one Spring context;
 * each test works in its own random project.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS)
@Import(RecordingWorkflowExecutor.class)
public abstract class AdminAppTest {

  private static final String DATABASE = TestPostgres.newDatabaseName();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry, DATABASE);
    registry.add("flyte.server.grpc.port", () -> "0");
    // Dynamic properties arrive after FlyteEnvironmentPostProcessor has derived
    // spring.grpc.server.port from flyteadmin.yaml (8089), so set Spring's key directly too:
    // otherwise every test run binds 8089 and collides with any other run on the machine.
    registry.add("spring.grpc.server.port", () -> "0");
    registry.add("flyte.storage.type", () -> "mem");
    registry.add("flyte.storage.container", () -> "flyte");
    // The self-warm before ready (SelfWarmupTest), opt-in: on and short; each test waits for its
    // clean-up too.
    registry.add("flyte.flyteadmin.warmup.enabled", () -> "true");
    registry.add("flyte.flyteadmin.warmup.duration", () -> "2s");
    // A restricted task type (TaskApiTest): all of one project, one domain of another.
    registry.add("flyte.task_type_whitelist.restricted[0].project", () -> "whitelisted");
    registry.add("flyte.task_type_whitelist.restricted[1].project", () -> "whitelisted-domain");
    registry.add("flyte.task_type_whitelist.restricted[1].domain", () -> "staging");
    // A dynamic queue selected by the tag "gpu" (ExecutionSettingsTest).
    registry.add("flyte.queues.executionQueues[0].dynamic", () -> "gpu-queue");
    registry.add("flyte.queues.executionQueues[0].attributes[0]", () -> "gpu");
  }

  @Autowired protected Environment environment;
  @Autowired private ObjectProvider<SelfWarmup> selfWarmup;

  protected ManagedChannel channel;
  protected final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void connect() throws InterruptedException {
    // Tests that compare all blobs before and after must not see the self-warm's being deleted.
    SelfWarmup warmup = selfWarmup.getIfAvailable();
    if (warmup != null) {
      warmup.await(Duration.ofSeconds(60));
    }
    channel =
        Grpc.newChannelBuilder(
                "localhost:" + environment.getProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY),
                InsecureChannelCredentials.create())
            .build();
  }

  @AfterEach
  void disconnect() {
    channel.shutdownNow();
  }

  protected URI http(String path) {
    return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
  }

  protected HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * A REST call: {@code body} null (no body), a {@link Message} (sent as binary protobuf) or JSON
   * text; {@code accept} picks the response encoding.
   */
  protected HttpResponse<byte[]> rest(String method, String path, String accept, Object body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(http(path)).header("Accept", accept);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else if (body instanceof Message message) {
      request
          .header("Content-Type", "application/octet-stream")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(message.toByteArray()));
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return send(request.build());
  }

  /**
   * Merges a JSON response body into {@code builder} ({@code Any} details of Flyte's types too).
   */
  protected static <T extends Message.Builder> T parseJson(HttpResponse<byte[]> response, T builder)
      throws Exception {
    JsonFormat.parser()
        .usingTypeRegistry(
            JsonFormat.TypeRegistry.newBuilder().add(InactiveProject.getDescriptor()).build())
        .merge(new String(response.body(), StandardCharsets.UTF_8), builder);
    return builder;
  }
}
