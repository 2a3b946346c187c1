package org.flyte.compiler.k8s.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flyteidl.admin.Common.RawOutputDataConfig;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverride.MissingPluginBehavior;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Security.Identity;
import flyteidl.core.Security.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flyte.compiler.k8s.model.ArrayNodeSpec;
import org.flyte.compiler.k8s.model.ExecutionConfig;
import org.flyte.compiler.k8s.model.ExecutionConfig.TaskPluginOverride;
import org.flyte.compiler.k8s.model.ExecutionConfig.TaskResourceSpec;
import org.flyte.compiler.k8s.model.ExecutionConfig.TaskResources;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.flyte.compiler.k8s.model.FlyteWorkflow.WorkflowMeta;
import org.flyte.compiler.k8s.model.NodeKind;
import org.flyte.compiler.k8s.model.NodeSpec;
import org.flyte.compiler.k8s.model.ObjectMeta;
import org.flyte.compiler.k8s.model.WorkflowStatus;
import org.junit.jupiter.api.Test;

class FlyteWorkflowJsonTest {

  private static final WorkflowExecutionIdentifier ID =
      WorkflowExecutionIdentifier.newBuilder().setProject("p").setDomain("d").setName("n").build();

  private static FlyteWorkflow prepared() {
    return FlyteWorkflow.builder()
        .metadata(
            new ObjectMeta(
                "n",
                null,
                "p-d",
                Map.of("a", "b"),
                Map.of("role", "r"),
                List.of("flyte.org/finalizer"),
                null))
        .executionId(ID)
        .workflowMeta(new WorkflowMeta(2))
        .acceptedAt(Instant.parse("2024-01-02T03:04:05.678Z"))
        .serviceAccountName("sa")
        .securityContext(
            SecurityContext.newBuilder()
                .setRunAs(Identity.newBuilder().setK8SServiceAccount("sa").setIamRole("r"))
                .build())
        .rawOutputDataConfig(
            RawOutputDataConfig.newBuilder().setOutputLocationPrefix("s3://raw").build())
        .executionConfig(
            new ExecutionConfig(
                Map.of(
                    "spark",
                    new TaskPluginOverride(
                        List.of("k8s-spark"), MissingPluginBehavior.USE_DEFAULT)),
                25,
                ID.toBuilder().setName("old").build(),
                new TaskResources(
                    new TaskResourceSpec("500m", "1Gi", null, null, null),
                    new TaskResourceSpec("2", null, null, null, "1")),
                true,
                true,
                Map.of("K", "V")))
        .workflowClosureReference("s3://bucket/closure")
        .offloadedInputs("s3://bucket/inputs.pb")
        .status(
            new WorkflowStatus(
                2,
                Instant.parse("2024-01-02T03:04:06Z"),
                null,
                null,
                "running",
                "s3://d",
                null,
                null,
                1,
                null,
                1))
        .build();
  }

  @Test
  void writesAdminsFieldsAsGoWritesThem() {
    JsonObject json = FlyteWorkflowJson.toJson(prepared());
    assertThat(json.get("spec").isJsonNull()).isTrue();
    assertThat(json.get("tasks").isJsonNull()).isTrue();
    assertThat(json.has("inputs")).isFalse();
    assertThat(json.has("subWorkflows")).isFalse();
    assertThat(json.get("executionId"))
        .isEqualTo(JsonParser.parseString("{\"project\":\"p\",\"domain\":\"d\",\"name\":\"n\"}"));
    assertThat(json.get("acceptedAt").getAsString()).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(json.get("workflowMeta")).isEqualTo(JsonParser.parseString("{\"eventVersion\":2}"));
    assertThat(json.get("securityContext"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"run_as\":{\"iam_role\":\"r\",\"k8s_service_account\":\"sa\"}}"));
    assertThat(json.get("rawOutputDataConfig"))
        .isEqualTo(JsonParser.parseString("{\"output_location_prefix\":\"s3://raw\"}"));
    assertThat(json.get("executionConfig"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"TaskPluginImpls\":{\"spark\":{\"PluginIDs\":[\"k8s-spark\"],\"MissingPluginBehavior\":1}},"
                    + "\"MaxParallelism\":25,"
                    + "\"RecoveryExecution\":{\"project\":\"p\",\"domain\":\"d\",\"name\":\"old\"},"
                    + "\"TaskResources\":{"
                    + "\"Requests\":{\"CPU\":\"500m\",\"Memory\":\"1Gi\",\"EphemeralStorage\":\"0\",\"Storage\":\"0\",\"GPU\":\"0\"},"
                    + "\"Limits\":{\"CPU\":\"2\",\"Memory\":\"0\",\"EphemeralStorage\":\"0\",\"Storage\":\"0\",\"GPU\":\"1\"}},"
                    + "\"Interruptible\":true,\"OverwriteCache\":true,\"EnvironmentVariables\":{\"K\":\"V\"}}"));
    assertThat(json.get("metadata"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"name\":\"n\",\"namespace\":\"p-d\",\"labels\":{\"a\":\"b\"},"
                    + "\"annotations\":{\"role\":\"r\"},\"finalizers\":[\"flyte.org/finalizer\"]}"));
    assertThat(json.get("status"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"phase\":2,\"startedAt\":\"2024-01-02T03:04:06Z\",\"message\":\"running\","
                    + "\"dataDir\":\"s3://d\",\"failedAttempts\":1,\"defVersion\":1}"));
    assertThat(json.get("serviceAccountName").getAsString()).isEqualTo("sa");
    assertThat(json.get("workflowClosureReference").getAsString()).isEqualTo("s3://bucket/closure");
    assertThat(json.get("offloadedInputs").getAsString()).isEqualTo("s3://bucket/inputs.pb");
  }

  @Test
  void readsBackWhatItWrites() {
    FlyteWorkflow wf = prepared();
    FlyteWorkflow back = FlyteWorkflowJson.read(FlyteWorkflowJson.write(wf));
    assertThat(back)
        .isEqualTo(wf.toBuilder().acceptedAt(Instant.parse("2024-01-02T03:04:05Z")).build());
  }

  @Test
  void arrayNodesUseGoFieldNamesAndNulls() {
    NodeSpec sub = NodeSpec.builder("m-0").kind(NodeKind.TASK).taskRef("t").build();
    NodeSpec array =
        NodeSpec.builder("m")
            .kind(NodeKind.ARRAY)
            .array(new ArrayNodeSpec(sub, 4L, null, 0.5f, null))
            .build();
    JsonObject json = WorkflowSpecJson.writeNode(array);
    assertThat(json.get("array"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"SubNodeSpec\":{\"id\":\"m-0\",\"kind\":\"task\",\"task\":\"t\"},"
                    + "\"Parallelism\":4,\"MinSuccesses\":null,\"MinSuccessRatio\":0.5,\"BoundInputs\":null}"));
    assertThat(WorkflowSpecJson.readNode(json)).isEqualTo(array);
  }

  @Test
  void malformedJsonIsRefusedClearly() {
    assertThatThrownBy(() -> FlyteWorkflowJson.read("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a FlyteWorkflow is a JSON object");
    assertThatThrownBy(
            () ->
                FlyteWorkflowJson.read(
                    "{\"spec\":{\"id\":\"x\",\"nodes\":{\"a\":{\"kind\":\"loop\"}}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown node kind \"loop\"");
    assertThatThrownBy(() -> FlyteWorkflowJson.read("{\"acceptedAt\":\"yesterday\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an RFC 3339 time: yesterday");
  }
}
