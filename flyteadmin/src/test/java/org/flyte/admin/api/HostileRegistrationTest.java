package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanMetadata;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.ScheduleOuterClass.Schedule;
import flyteidl.admin.WorkflowOuterClass.WorkflowClosure;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flyte.admin.service.digest.Digests;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.DataReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Registration under attack (issue 9, items 1, 2, 3 and 7): identifiers that would reshape storage
 * keys, over-long names, and many clients registering one id with different content at once. Each
 * refusal is checked over gRPC and over the REST gateway.
 */
class HostileRegistrationTest extends RegistrationFixtures {

  private static final String[] HOSTILE_NAMES = {
    "evil/../wfs.basics.sub",
    "../../flytesnacks/development/x",
    "../../../../tmp/x",
    "/wfs.basics.sub",
    "..",
    ".",
    "nul\u0000byte",
    "line\nbreak"
  };

  @Autowired private BlobStore blobs;

  private void assertRefusedOverGrpcAndRest(
      Runnable grpc, String path, com.google.protobuf.Message body, String messageStart)
      throws Exception {
    com.google.rpc.Status status = status(grpc);
    assertStatus(status, Status.Code.INVALID_ARGUMENT, messageStart);
    HttpResponse<byte[]> response = restBinary("POST", path, body);
    assertThat(response.statusCode()).as(text(response)).isEqualTo(400);
    assertThat(com.google.rpc.Status.parseFrom(response.body()).getMessage())
        .startsWith(messageStart);
  }

  @Test
  void hostileNamesAndVersionsAreRefusedAndNothingIsStored() throws Exception {
    Identifier task = registerTask("t", "v1");
    Identifier victim = workflowId("wfs.basics.sub", "v1");
    admin.createWorkflow(workflowRequest(victim, WorkflowApiTest.chain(task, 1)));
    WorkflowClosure before =
        admin.getWorkflow(ObjectGetRequest.newBuilder().setId(victim).build()).getClosure();

    for (String hostile : HOSTILE_NAMES) {
      String part = hostile.equals(".") || hostile.equals("..") ? hostile : null;
      String expected = part != null ? "name [" + hostile + "] must not be" : "name [";
      Identifier wf = workflowId(hostile, "v1");
      WorkflowCreateRequest wfRequest = workflowRequest(wf, WorkflowApiTest.chain(task, 2));
      assertRefusedOverGrpcAndRest(
          () -> admin.createWorkflow(wfRequest), "/api/v1/workflows", wfRequest, expected);
      var taskRequest = taskRequest(taskId(hostile, "v1"), template("img:1"));
      assertRefusedOverGrpcAndRest(
          () -> admin.createTask(taskRequest), "/api/v1/tasks", taskRequest, expected);
      LaunchPlanCreateRequest lpRequest =
          LaunchPlanCreateRequest.newBuilder()
              .setId(id(ResourceType.LAUNCH_PLAN, hostile, "v1"))
              .setSpec(LaunchPlanSpec.newBuilder().setWorkflowId(victim))
              .build();
      assertRefusedOverGrpcAndRest(
          () -> admin.createLaunchPlan(lpRequest), "/api/v1/launch_plans", lpRequest, expected);
      // the same text as a version
      String versionExpected = part != null ? "version [" + hostile + "] must not be" : "version [";
      WorkflowCreateRequest byVersion =
          workflowRequest(workflowId("wf", hostile), WorkflowApiTest.chain(task, 2));
      assertRefusedOverGrpcAndRest(
          () -> admin.createWorkflow(byVersion), "/api/v1/workflows", byVersion, versionExpected);
    }

    assertThat(admin.getWorkflow(ObjectGetRequest.newBuilder().setId(victim).build()).getClosure())
        .isEqualTo(before);
    assertThat(
            admin
                .listWorkflows(
                    ResourceListRequest.newBuilder()
                        .setId(
                            flyteidl.admin.Common.NamedEntityIdentifier.newBuilder()
                                .setProject(project)
                                .setDomain(DOMAIN))
                        .setLimit(100)
                        .build())
                .getWorkflowsList())
        .hasSize(1);
    List<DataReference> stored =
        blobs.list(blobs.baseContainer().resolve("metadata", "admin", project));
    assertThat(stored).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"project", "domain", "org"})
  void hostileProjectsDomainsAndOrgsAreRefusedAndNothingIsStored(String part) throws Exception {
    Identifier task = registerTask("t", "v1");
    Identifier victim = workflowId("wf", "v1");
    admin.createWorkflow(workflowRequest(victim, WorkflowApiTest.chain(task, 1)));
    List<DataReference> before = blobs.list(blobs.baseContainer());

    for (String hostile :
        new String[] {"../" + project, project + "/../x", "..", "nul\u0000byte"}) {
      String expected = part + " [";
      var taskRequest = taskRequest(withPart(taskId("t2", "v1"), part, hostile), template("img:1"));
      assertRefusedOverGrpcAndRest(
          () -> admin.createTask(taskRequest), "/api/v1/tasks", taskRequest, expected);
      WorkflowCreateRequest wfRequest =
          workflowRequest(
              withPart(workflowId("wf2", "v1"), part, hostile), WorkflowApiTest.chain(task, 2));
      assertRefusedOverGrpcAndRest(
          () -> admin.createWorkflow(wfRequest), "/api/v1/workflows", wfRequest, expected);
      LaunchPlanCreateRequest lpRequest =
          LaunchPlanCreateRequest.newBuilder()
              .setId(withPart(id(ResourceType.LAUNCH_PLAN, "lp", "v1"), part, hostile))
              .setSpec(LaunchPlanSpec.newBuilder().setWorkflowId(victim))
              .build();
      assertRefusedOverGrpcAndRest(
          () -> admin.createLaunchPlan(lpRequest), "/api/v1/launch_plans", lpRequest, expected);
    }

    assertThat(blobs.list(blobs.baseContainer())).containsExactlyInAnyOrderElementsOf(before);
  }

  private static Identifier withPart(Identifier id, String part, String value) {
    return switch (part) {
      case "project" -> id.toBuilder().setProject(value).build();
      case "domain" -> id.toBuilder().setDomain(value).build();
      default -> id.toBuilder().setOrg(value).build();
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "version"})
  void namesLongerThanAFileNameAreRefusedWithFlytesWording(String part) throws Exception {
    Identifier task = registerTask("t", "v1");
    String longText = "n".repeat(300);
    Identifier id = part.equals("name") ? workflowId(longText, "v1") : workflowId("wf", longText);
    WorkflowCreateRequest request = workflowRequest(id, WorkflowApiTest.chain(task, 1));
    assertRefusedOverGrpcAndRest(
        () -> admin.createWorkflow(request),
        "/api/v1/workflows",
        request,
        part + " [" + "n".repeat(100) + "...] cannot exceed 255 characters");
    // the longest accepted name registers and reads back
    String longest = "m".repeat(255);
    Identifier accepted =
        part.equals("name") ? workflowId(longest, "v1") : workflowId("wf", longest);
    admin.createWorkflow(workflowRequest(accepted, WorkflowApiTest.chain(task, 1)));
    assertThat(admin.getWorkflow(ObjectGetRequest.newBuilder().setId(accepted).build()).getId())
        .isEqualTo(accepted);
  }

  @Test
  void theDeprecatedCronExpressionIsRefusedAtCreation() throws Exception {
    Identifier task = registerTask("t", "v1");
    Identifier wf = workflowId("wf", "v1");
    admin.createWorkflow(workflowRequest(wf, WorkflowApiTest.chain(task, 1)));
    LaunchPlanCreateRequest request =
        LaunchPlanCreateRequest.newBuilder()
            .setId(id(ResourceType.LAUNCH_PLAN, "lp", "v1"))
            .setSpec(
                LaunchPlanSpec.newBuilder()
                    .setWorkflowId(wf)
                    .setDefaultInputs(
                        flyteidl.core.Interface.ParameterMap.newBuilder()
                            .putParameters(
                                "x",
                                flyteidl.core.Interface.Parameter.newBuilder()
                                    .setVar(
                                        flyteidl.core.Interface.Variable.newBuilder()
                                            .setType(integer()))
                                    .setDefault(LaunchPlanFixtures.integer(1))
                                    .build()))
                    .setEntityMetadata(
                        LaunchPlanMetadata.newBuilder()
                            .setSchedule(Schedule.newBuilder().setCronExpression("0 1 * * *"))))
            .build();
    assertRefusedOverGrpcAndRest(
        () -> admin.createLaunchPlan(request),
        "/api/v1/launch_plans",
        request,
        "schedule.cron_expression [0 1 * * *] is deprecated and cannot be scheduled: use"
            + " schedule.cron_schedule.schedule instead");
  }

  /** Runs {@code calls} at once from one thread each; the status of each (OK for success). */
  private static List<com.google.rpc.Status> race(List<Runnable> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<com.google.rpc.Status>> results = new ArrayList<>();
      for (Runnable call : calls) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    call.run();
                    return com.google.rpc.Status.getDefaultInstance();
                  } catch (io.grpc.StatusRuntimeException e) {
                    return status(
                        () -> {
                          throw e;
                        });
                  }
                }));
      }
      start.countDown();
      List<com.google.rpc.Status> statuses = new ArrayList<>();
      for (Future<com.google.rpc.Status> result : results) {
        statuses.add(result.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One winner per id; every loser hears Flyte's words, never the database's. */
  private static void assertOneWinnerAndFlytesMessages(
      List<com.google.rpc.Status> statuses, String entity) {
    assertThat(statuses.stream().filter(s -> s.getCode() == 0)).hasSize(1);
    for (com.google.rpc.Status s : statuses) {
      if (s.getCode() == Status.Code.ALREADY_EXISTS.value()) {
        assertThat(s.getMessage()).isEqualTo(entity + " with identical structure already exists");
      } else if (s.getCode() != 0) {
        assertThat(s.getCode()).as(s.getMessage()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
        assertThat(s.getMessage()).contains(entity + " with different structure already exists");
      }
      assertThat(s.getMessage()).doesNotContain("duplicate key", "ERROR", "constraint");
    }
  }

  @Test
  void racingWorkflowRegistrationsKeepEachRowWithTheClosureItWasCreatedWith() throws Exception {
    Identifier task = registerTask("t", "v1");
    int writers = 8;
    for (int version = 0; version < 4; version++) {
      Identifier id = workflowId("race", "v" + version);
      List<Runnable> calls = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        // two writers per distinct content: some losers are identical, most are different
        WorkflowCreateRequest request = workflowRequest(id, WorkflowApiTest.chain(task, 1 + w / 2));
        calls.add(() -> admin.createWorkflow(request));
      }
      assertOneWinnerAndFlytesMessages(race(calls), "workflow");

      Map<String, Object> row =
          jdbc.sql(
                  "SELECT digest, remote_closure_identifier FROM workflows WHERE project = :p"
                      + " AND name = 'race' AND version = :v")
              .param("p", project)
              .param("v", id.getVersion())
              .query()
              .singleRow();
      WorkflowClosure stored =
          WorkflowClosure.parseFrom(
              blobs.read(DataReference.parse((String) row.get("remote_closure_identifier"))));
      assertThat(Digests.of(stored.getCompiledWorkflow())).isEqualTo((byte[]) row.get("digest"));
      assertThat(
              admin
                  .getWorkflow(ObjectGetRequest.newBuilder().setId(id).build())
                  .getClosure()
                  .getCompiledWorkflow())
          .isEqualTo(stored.getCompiledWorkflow());
    }
  }

  @Test
  void racingTaskAndLaunchPlanRegistrationsAnswerFlytesMessages() throws Exception {
    int writers = 8;
    Identifier task = taskId("race", "v1");
    List<Runnable> taskCalls = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      var request = taskRequest(task, template("img:" + w / 2));
      taskCalls.add(() -> admin.createTask(request));
    }
    assertOneWinnerAndFlytesMessages(race(taskCalls), "task");

    Identifier wf = workflowId("wf", "v1");
    admin.createWorkflow(workflowRequest(wf, WorkflowApiTest.chain(registerTask("t", "v1"), 1)));
    Identifier lp = id(ResourceType.LAUNCH_PLAN, "race", "v1");
    List<Runnable> lpCalls = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      LaunchPlanCreateRequest request =
          LaunchPlanCreateRequest.newBuilder()
              .setId(lp)
              .setSpec(
                  LaunchPlanSpec.newBuilder()
                      .setWorkflowId(wf)
                      .setFixedInputs(
                          flyteidl.core.Literals.LiteralMap.newBuilder()
                              .putLiterals("x", LaunchPlanFixtures.integer(w / 2))))
              .build();
      lpCalls.add(() -> admin.createLaunchPlan(request));
    }
    assertOneWinnerAndFlytesMessages(race(lpCalls), "launch plan");
    Map<String, byte[]> digests = new HashMap<>();
    jdbc.sql("SELECT version, digest FROM launch_plans WHERE project = :p AND name = 'race'")
        .param("p", project)
        .query((rs, n) -> digests.put(rs.getString(1), rs.getBytes(2)))
        .list();
    var stored = admin.getLaunchPlan(ObjectGetRequest.newBuilder().setId(lp).build());
    // the row's digest is Flyte's digest of the launch plan it holds
    var hashed =
        flyteidl.admin.LaunchPlanOuterClass.LaunchPlan.newBuilder()
            .setId(lp)
            .setSpec(stored.getSpec())
            .setClosure(
                flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure.newBuilder()
                    .setExpectedInputs(stored.getClosure().getExpectedInputs())
                    .setExpectedOutputs(stored.getClosure().getExpectedOutputs()))
            .build();
    assertThat(Arrays.equals(digests.get("v1"), Digests.of(hashed))).isTrue();
  }
}
