package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.RuntimeMetadata;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flyte.admin.AdminAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The base of the registration tests: a fresh random project per test (inserted directly, the
 * projects RPCs being built elsewhere), task templates, and REST helpers.
 */
abstract class RegistrationFixtures extends AdminAppTest {

  static final String DOMAIN = "development";

  @Autowired protected JdbcClient jdbc;

  protected String project;
  protected AdminServiceGrpc.AdminServiceBlockingStub admin;

  @BeforeEach
  void newProject() {
    project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    insertProject(project, 0);
    admin = AdminServiceGrpc.newBlockingStub(channel);
  }

  protected void insertProject(String id, int state) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            "INSERT INTO projects (identifier, name, description, state, created_at, updated_at)"
                + " VALUES (:id, :id, '', :state, :now, :now)")
        .param("id", id)
        .param("state", state)
        .param("now", now)
        .update();
  }

  protected Identifier id(ResourceType type, String name, String version) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject(project)
        .setDomain(DOMAIN)
        .setName(name)
        .setVersion(version)
        .build();
  }

  protected Identifier workflowId(String name, String version) {
    return id(ResourceType.WORKFLOW, name, version);
  }

  protected static flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest workflowRequest(
      Identifier id, flyteidl.core.Workflow.WorkflowTemplate template) {
    return flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest.newBuilder()
        .setId(id)
        .setSpec(flyteidl.admin.WorkflowOuterClass.WorkflowSpec.newBuilder().setTemplate(template))
        .build();
  }

  protected Identifier taskId(String name, String version) {
    return id(ResourceType.TASK, name, version);
  }

  static LiteralType integer() {
    return LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
  }

  /** A python task {@code (x: int) -> (o0: int)}. */
  static TaskTemplate template(String image) {
    return TaskTemplate.newBuilder()
        .setType("python-task")
        .setMetadata(
            TaskMetadata.newBuilder()
                .setRuntime(
                    RuntimeMetadata.newBuilder()
                        .setType(RuntimeMetadata.RuntimeType.FLYTE_SDK)
                        .setVersion("1.16.0")))
        .setInterface(
            TypedInterface.newBuilder()
                .setInputs(
                    VariableMap.newBuilder()
                        .putVariables("x", Variable.newBuilder().setType(integer()).build()))
                .setOutputs(
                    VariableMap.newBuilder()
                        .putVariables("o0", Variable.newBuilder().setType(integer()).build())))
        .setContainer(Container.newBuilder().setImage(image).addArgs("pyflyte-execute"))
        .build();
  }

  protected TaskCreateRequest taskRequest(Identifier id, TaskTemplate template) {
    return TaskCreateRequest.newBuilder()
        .setId(id)
        .setSpec(TaskSpec.newBuilder().setTemplate(template))
        .build();
  }

  protected Identifier registerTask(String name, String version) {
    Identifier id = taskId(name, version);
    admin.createTask(taskRequest(id, template("img:1")));
    return id;
  }

  /** The status of a failed call, with its details. */
  static com.google.rpc.Status status(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      com.google.rpc.Status status = StatusProto.fromThrowable(e);
      return status != null
          ? status
          : com.google.rpc.Status.newBuilder()
              .setCode(e.getStatus().getCode().value())
              .setMessage(String.valueOf(e.getStatus().getDescription()))
              .build();
    }
    throw new AssertionError("the call succeeded");
  }

  static void assertStatus(com.google.rpc.Status status, Status.Code code, String messageStart) {
    assertThat(status.getCode()).as(status.getMessage()).isEqualTo(code.value());
    assertThat(status.getMessage()).startsWith(messageStart);
  }

  // REST

  protected HttpResponse<byte[]> restJson(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http(path)).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return send(request.build());
  }

  protected HttpResponse<byte[]> restBinary(String method, String path, Message body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http(path)).header("Accept", "application/octet-stream");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/octet-stream")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }
    return send(request.build());
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static String json(Message message) throws Exception {
    return JsonFormat.printer().preservingProtoFieldNames().print(message);
  }

  @SuppressWarnings("unchecked")
  static <T extends Message> T fromJson(HttpResponse<byte[]> response, T prototype)
      throws Exception {
    Message.Builder builder = prototype.newBuilderForType();
    JsonFormat.parser()
        .usingTypeRegistry(
            JsonFormat.TypeRegistry.newBuilder()
                .add(flyteidl.admin.WorkflowOuterClass.getDescriptor().getMessageTypes())
                .build())
        .ignoringUnknownFields()
        .merge(text(response), builder);
    return (T) builder.build();
  }

  static com.google.rpc.Status jsonStatus(HttpResponse<byte[]> response) throws Exception {
    return fromJson(response, com.google.rpc.Status.getDefaultInstance());
  }
}
