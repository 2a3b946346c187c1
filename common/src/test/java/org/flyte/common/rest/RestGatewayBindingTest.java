package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityList;
import flyteidl.admin.Common.NamedEntityListRequest;
import flyteidl.admin.Common.NamedEntityMetadata;
import flyteidl.admin.Common.NamedEntityState;
import flyteidl.admin.Common.NamedEntityUpdateRequest;
import flyteidl.admin.Common.NamedEntityUpdateResponse;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.Event.EventErrorAlreadyInTerminalState;
import flyteidl.admin.Event.EventFailureReason;
import flyteidl.admin.Event.WorkflowExecutionEventRequest;
import flyteidl.admin.Event.WorkflowExecutionEventResponse;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateResponse;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionList;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.ProjectOuterClass.InactiveProject;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterResponse;
import flyteidl.admin.TaskOuterClass.TaskList;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.admin.VersionOuterClass.Version;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Proves that path variables, query parameters and bodies land in the right request fields, that
 * responses come back in all three encodings, and that headers and error details travel, against a
 * fake AdminService that records what it receives.
 */
class RestGatewayBindingTest {

  private static final GetVersionResponse VERSION =
      GetVersionResponse.newBuilder()
          .setControlPlaneVersion(
              Version.newBuilder().setBuild("abc123").setVersion("v1.16.8").setBuildTime("now"))
          .build();

  private static final Metadata.Key<String> ECHO =
      Metadata.Key.of("x-echo", Metadata.ASCII_STRING_MARSHALLER);

  /** Records the last request and metadata; answers canned responses or canned errors. */
  static final class RecordingAdmin extends AdminServiceGrpc.AdminServiceImplBase {
    final AtomicReference<Message> lastRequest = new AtomicReference<>();

    private <T> void answer(Message request, T response, StreamObserver<T> observer) {
      lastRequest.set(request);
      observer.onNext(response);
      observer.onCompleted();
    }

    @Override
    public void listTasks(ResourceListRequest request, StreamObserver<TaskList> observer) {
      answer(request, TaskList.newBuilder().setToken("next").build(), observer);
    }

    @Override
    public void listNamedEntities(
        NamedEntityListRequest request, StreamObserver<NamedEntityList> observer) {
      answer(request, NamedEntityList.getDefaultInstance(), observer);
    }

    @Override
    public void updateNamedEntity(
        NamedEntityUpdateRequest request, StreamObserver<NamedEntityUpdateResponse> observer) {
      answer(request, NamedEntityUpdateResponse.getDefaultInstance(), observer);
    }

    @Override
    public void registerProject(
        ProjectRegisterRequest request, StreamObserver<ProjectRegisterResponse> observer) {
      answer(request, ProjectRegisterResponse.getDefaultInstance(), observer);
    }

    @Override
    public void listNodeExecutions(
        NodeExecutionListRequest request, StreamObserver<NodeExecutionList> observer) {
      answer(request, NodeExecutionList.getDefaultInstance(), observer);
    }

    @Override
    public void getVersion(GetVersionRequest request, StreamObserver<GetVersionResponse> observer) {
      answer(request, VERSION, observer);
    }

    @Override
    public void getProject(ProjectGetRequest request, StreamObserver<Project> observer) {
      lastRequest.set(request);
      observer.onError(
          Status.UNAUTHENTICATED.withDescription("token expired").asRuntimeException());
    }

    @Override
    public void createExecution(
        ExecutionCreateRequest request, StreamObserver<ExecutionCreateResponse> observer) {
      lastRequest.set(request);
      observer.onError(
          StatusProto.toStatusRuntimeException(
              com.google.rpc.Status.newBuilder()
                  .setCode(Status.Code.INVALID_ARGUMENT.value())
                  .setMessage("project [p] is not active")
                  .addDetails(Any.pack(InactiveProject.newBuilder().setId("p").build()))
                  .build()));
    }

    @Override
    public void createWorkflowEvent(
        WorkflowExecutionEventRequest request,
        StreamObserver<WorkflowExecutionEventResponse> observer) {
      lastRequest.set(request);
      observer.onError(
          StatusProto.toStatusRuntimeException(
              com.google.rpc.Status.newBuilder()
                  .setCode(Status.Code.FAILED_PRECONDITION.value())
                  .setMessage("already terminal")
                  .addDetails(
                      Any.pack(
                          EventFailureReason.newBuilder()
                              .setAlreadyInTerminalState(
                                  EventErrorAlreadyInTerminalState.newBuilder()
                                      .setCurrentPhase("SUCCEEDED"))
                              .build()))
                  .build()));
    }
  }

  private static final RecordingAdmin ADMIN = new RecordingAdmin();
  private static final AtomicReference<Metadata> LAST_HEADERS = new AtomicReference<>();
  private static GatewayHarness harness;

  @BeforeAll
  static void start() {
    ServerInterceptor recordAndEcho =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            LAST_HEADERS.set(headers);
            return next.startCall(
                new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                  @Override
                  public void sendHeaders(Metadata responseHeaders) {
                    responseHeaders.put(ECHO, "hello");
                    super.sendHeaders(responseHeaders);
                  }
                },
                headers);
          }
        };
    harness =
        new GatewayHarness(
            List.of(ServerInterceptors.intercept(ADMIN, recordAndEcho)),
            builder ->
                builder
                    .metadataAnnotator(
                        (request, metadata) ->
                            metadata.put(
                                Metadata.Key.of("from-http", Metadata.ASCII_STRING_MARSHALLER),
                                "true"))
                    .responseHook(
                        (response, headers) -> {
                          if (response instanceof GetVersionResponse version) {
                            headers.put(
                                "X-Build",
                                new ArrayList<>(
                                    List.of(version.getControlPlaneVersion().getBuild())));
                          }
                        }));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static String header(String key) {
    return LAST_HEADERS.get().get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
  }

  @Test
  void pathVariablesAndQueryParametersLandInTheirFields() {
    MockHttpServletResponse response =
        harness.send(
            "GET",
            "/api/v1/tasks/p/d/n?limit=5&sort_by.direction=ASCENDING"
                + "&filters=eq(name,x)%2Bne(version,y)&id.project=ignored&unknown=1");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(ADMIN.lastRequest.get())
        .isEqualTo(
            ResourceListRequest.newBuilder()
                .setId(
                    NamedEntityIdentifier.newBuilder().setProject("p").setDomain("d").setName("n"))
                .setLimit(5)
                .setSortBy(Sort.newBuilder().setDirection(Sort.Direction.ASCENDING))
                .setFilters("eq(name,x)+ne(version,y)")
                .build());
  }

  @Test
  void additionalBindingsRouteToTheSameMethod() {
    assertThat(harness.send("GET", "/api/v1/tasks/p/d?sortBy.key=name").getStatus()).isEqualTo(200);
    assertThat(ADMIN.lastRequest.get())
        .isEqualTo(
            ResourceListRequest.newBuilder()
                .setId(NamedEntityIdentifier.newBuilder().setProject("p").setDomain("d"))
                .setSortBy(Sort.newBuilder().setKey("name"))
                .build());
  }

  @Test
  void numericEnumInThePath() {
    assertThat(harness.send("GET", "/api/v1/named_entities/2/p/d?limit=10").getStatus())
        .isEqualTo(200);
    assertThat(ADMIN.lastRequest.get())
        .isEqualTo(
            NamedEntityListRequest.newBuilder()
                .setResourceType(ResourceType.WORKFLOW)
                .setProject("p")
                .setDomain("d")
                .setLimit(10)
                .build());
  }

  @Test
  void badEnumInThePathIs400() {
    MockHttpServletResponse response = harness.send("GET", "/api/v1/named_entities/WORKFLOWS/p/d");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(GatewayHarness.status(response).getMessage())
        .startsWith("type mismatch, parameter: resource_type");
  }

  @Test
  void consoleCamelCaseQueryParameter() {
    harness.send("GET", "/api/v1/node_executions/p/d/e?uniqueParentId=n1&limit=2");
    assertThat(((NodeExecutionListRequest) ADMIN.lastRequest.get()).getUniqueParentId())
        .isEqualTo("n1");
  }

  @Test
  void binaryBodyIsTheWholeRequestAndQueryIsIgnored() throws Exception {
    ProjectRegisterRequest sent =
        ProjectRegisterRequest.newBuilder()
            .setProject(Project.newBuilder().setId("flytesnacks").setName("Flyte snacks"))
            .build();
    MockHttpServletRequest request =
        GatewayHarness.request("POST", "/api/v1/projects?project.id=evil");
    request.setContentType(ProtoMarshaler.CONTENT_TYPE);
    request.addHeader("Accept", ProtoMarshaler.CONTENT_TYPE);
    request.setContent(sent.toByteArray());

    MockHttpServletResponse response = harness.send(request);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo(ProtoMarshaler.CONTENT_TYPE);
    assertThat(ProjectRegisterResponse.parseFrom(response.getContentAsByteArray()))
        .isEqualTo(ProjectRegisterResponse.getDefaultInstance());
    assertThat(ADMIN.lastRequest.get()).isEqualTo(sent);
  }

  @Test
  void emptyBodyIsTheEmptyMessage() {
    MockHttpServletRequest request = GatewayHarness.request("POST", "/api/v1/projects");
    request.setContentType(ProtoMarshaler.CONTENT_TYPE);
    assertThat(harness.send(request).getStatus()).isEqualTo(200);
    assertThat(ADMIN.lastRequest.get()).isEqualTo(ProjectRegisterRequest.getDefaultInstance());
  }

  @Test
  void pathVariablesOverlayTheJsonBody() {
    MockHttpServletRequest request =
        GatewayHarness.request("PUT", "/api/v1/named_entities/1/p/d/n");
    request.setContentType("application/json");
    request.setContent(
        ("{\"resource_type\": \"WORKFLOW\", \"id\": {\"project\": \"other\", \"org\": \"o\"},"
                + " \"metadata\": {\"description\": \"hi\", \"state\": \"NAMED_ENTITY_ARCHIVED\"}}")
            .getBytes(StandardCharsets.UTF_8));

    assertThat(harness.send(request).getStatus()).isEqualTo(200);
    assertThat(ADMIN.lastRequest.get())
        .isEqualTo(
            NamedEntityUpdateRequest.newBuilder()
                .setResourceType(ResourceType.TASK)
                .setId(
                    NamedEntityIdentifier.newBuilder()
                        .setProject("p")
                        .setDomain("d")
                        .setName("n")
                        .setOrg("o"))
                .setMetadata(
                    NamedEntityMetadata.newBuilder()
                        .setDescription("hi")
                        .setState(NamedEntityState.NAMED_ENTITY_ARCHIVED))
                .build());
  }

  @Test
  void versionInAllThreeEncodingsDecodesToTheSameMessage() throws Exception {
    MockHttpServletRequest binary = GatewayHarness.request("GET", "/api/v1/version");
    binary.addHeader("Accept", ProtoMarshaler.CONTENT_TYPE);
    MockHttpServletRequest snake = GatewayHarness.request("GET", "/api/v1/version");
    snake.addHeader("Accept", "application/json");
    MockHttpServletRequest camel = GatewayHarness.request("GET", "/api/v1/version");

    MockHttpServletResponse binaryAnswer = harness.send(binary);
    MockHttpServletResponse snakeAnswer = harness.send(snake);
    MockHttpServletResponse camelAnswer = harness.send(camel);

    assertThat(GetVersionResponse.parseFrom(binaryAnswer.getContentAsByteArray()))
        .isEqualTo(VERSION);
    assertThat(binaryAnswer.getContentType()).isEqualTo(ProtoMarshaler.CONTENT_TYPE);
    String snakeJson = new String(snakeAnswer.getContentAsByteArray(), StandardCharsets.UTF_8);
    String camelJson = new String(camelAnswer.getContentAsByteArray(), StandardCharsets.UTF_8);
    assertThat(snakeJson)
        .isEqualTo(
            "{\"control_plane_version\":{\"Build\":\"abc123\",\"Version\":\"v1.16.8\","
                + "\"BuildTime\":\"now\"}}");
    assertThat(camelJson)
        .isEqualTo(
            "{\"controlPlaneVersion\":{\"Build\":\"abc123\",\"Version\":\"v1.16.8\","
                + "\"BuildTime\":\"now\"}}");
    for (String json : List.of(snakeJson, camelJson)) {
      GetVersionResponse.Builder parsed = GetVersionResponse.newBuilder();
      JsonFormat.parser().merge(json, parsed);
      assertThat(parsed.build()).isEqualTo(VERSION);
    }
    assertThat(snakeAnswer.getContentType()).isEqualTo("application/json");
    assertThat(camelAnswer.getContentType()).isEqualTo("application/json");
  }

  @Test
  void acceptMustMatchExactly() {
    MockHttpServletRequest request = GatewayHarness.request("GET", "/api/v1/version");
    request.addHeader("Accept", "application/json, text/plain");
    String json = new String(harness.send(request).getContentAsByteArray(), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\"controlPlaneVersion\"");
  }

  @Test
  void headersAreForwardedAsMetadataAndBack() {
    MockHttpServletRequest request = GatewayHarness.request("GET", "/api/v1/version");
    request.addHeader("X-Request-Id", "req-1");
    request.addHeader("Authorization", "Bearer abc");
    request.addHeader("flyte-authorization", "Bearer def");
    request.addHeader("Grpc-Metadata-Tenant", "acme");
    request.addHeader(
        "Grpc-Metadata-Blob-Bin", Base64.getEncoder().encodeToString(new byte[] {1, 2}));
    request.addHeader("Host", "admin.example.com");
    request.addHeader("X-Not-Forwarded", "x");
    request.setRemoteAddr("10.1.2.3");

    MockHttpServletResponse response = harness.send(request);

    assertThat(header("x-request-id")).isEqualTo("req-1");
    assertThat(header("authorization")).isEqualTo("Bearer abc");
    assertThat(header("grpcgateway-authorization")).isEqualTo("Bearer abc");
    assertThat(header("flyte-authorization")).isEqualTo("Bearer def");
    assertThat(header("tenant")).isEqualTo("acme");
    assertThat(LAST_HEADERS.get().get(Metadata.Key.of("blob-bin", Metadata.BINARY_BYTE_MARSHALLER)))
        .containsExactly(1, 2);
    assertThat(header("x-forwarded-host")).isEqualTo("admin.example.com");
    assertThat(header("x-forwarded-for")).isEqualTo("10.1.2.3");
    assertThat(header("x-not-forwarded")).isNull();
    assertThat(header("from-http")).isEqualTo("true");
    assertThat(response.getHeader("Grpc-Metadata-x-echo")).isEqualTo("hello");
    assertThat(response.getHeader("X-Build")).isEqualTo("abc123");
  }

  @Test
  void forwardedHostHeaderWinsOverHost() {
    MockHttpServletRequest request = GatewayHarness.request("GET", "/api/v1/version");
    request.addHeader("Host", "internal:8088");
    request.addHeader("X-Forwarded-Host", "flyte.example.com");
    harness.send(request);
    assertThat(header("x-forwarded-host")).isEqualTo("flyte.example.com");
  }

  @Test
  void errorDetailsTravelInJsonAndBinary() throws Exception {
    MockHttpServletRequest json = GatewayHarness.request("POST", "/api/v1/executions");
    MockHttpServletResponse jsonAnswer = harness.send(json);

    assertThat(jsonAnswer.getStatus()).isEqualTo(400);
    com.google.rpc.Status status = GatewayHarness.status(jsonAnswer);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(status.getMessage()).isEqualTo("project [p] is not active");
    assertThat(status.getDetails(0).unpack(InactiveProject.class).getId()).isEqualTo("p");
    assertThat(new String(jsonAnswer.getContentAsByteArray(), StandardCharsets.UTF_8))
        .contains("\"@type\":\"type.googleapis.com/flyteidl.admin.InactiveProject\"");

    MockHttpServletRequest binary = GatewayHarness.request("POST", "/api/v1/events/workflows");
    binary.addHeader("Accept", ProtoMarshaler.CONTENT_TYPE);
    MockHttpServletResponse binaryAnswer = harness.send(binary);

    assertThat(binaryAnswer.getStatus()).isEqualTo(400);
    com.google.rpc.Status failed =
        com.google.rpc.Status.parseFrom(binaryAnswer.getContentAsByteArray());
    assertThat(failed.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION.value());
    assertThat(
            failed
                .getDetails(0)
                .unpack(EventFailureReason.class)
                .getAlreadyInTerminalState()
                .getCurrentPhase())
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void unauthenticatedIs401WithWwwAuthenticate() {
    MockHttpServletResponse response = harness.send("GET", "/api/v1/projects/p");
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("token expired");
    assertThat(GatewayHarness.status(response).getMessage()).isEqualTo("token expired");
  }

  @Test
  void formPostFallsBackToTheGetRoute() {
    MockHttpServletRequest request = GatewayHarness.request("POST", "/api/v1/tasks/p/d?limit=4");
    request.setContentType("application/x-www-form-urlencoded");
    request.setContent("filters=eq(name,a)%2Beq(version,b)".getBytes(StandardCharsets.UTF_8));

    assertThat(harness.send(request).getStatus()).isEqualTo(200);
    ResourceListRequest received = (ResourceListRequest) ADMIN.lastRequest.get();
    assertThat(received.getLimit()).isEqualTo(4);
    assertThat(received.getFilters()).isEqualTo("eq(name,a)+eq(version,b)");
  }

  @Test
  void methodOverrideOnAFormPost() {
    MockHttpServletRequest request = GatewayHarness.request("POST", "/api/v1/named_entities/1/p/d");
    request.setContentType("application/x-www-form-urlencoded");
    request.addHeader("X-HTTP-Method-Override", "get");
    request.setContent("limit=9".getBytes(StandardCharsets.UTF_8));

    assertThat(harness.send(request).getStatus()).isEqualTo(200);
    assertThat(((NamedEntityListRequest) ADMIN.lastRequest.get()).getLimit()).isEqualTo(9);
  }

  @Test
  void emptyResponsesStillPrintEveryListAndScalar() {
    String json = GatewayHarness.body(harness.send("GET", "/api/v1/named_entities/1/p/d"));
    assertThat(json).isEqualTo("{\"entities\":[],\"token\":\"\"}");
  }
}
