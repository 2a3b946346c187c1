package org.flyte.admin.executor.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverride.MissingPluginBehavior;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionFixtures;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.k8s.json.FlyteWorkflowJson;
import org.flyte.compiler.k8s.model.ExecutionConfig;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.junit.jupiter.api.Test;

class FlyteWorkflowFactoryTest {

  private static final FlyteWorkflowFactory INLINE =
      new FlyteWorkflowFactory(new CustomResourceProperties(false, false, null));

  @Test
  void labelsAnnotationsFinalizerAndIdentityAsFlyteAdminPreparesThem() {
    FlyteWorkflow wf =
        INLINE.create(ExecutionFixtures.data("exec1", ExecutionFixtures.fullParameters()));

    assertThat(wf.metadata().name()).isEqualTo("exec1");
    assertThat(wf.metadata().namespace()).isEqualTo("flytesnacks-development");
    // the execution's labels override the builder's ("project"), as Flyte's addMapValues does
    assertThat(wf.metadata().labels())
        .containsEntry("execution-id", "exec1")
        .containsEntry("domain", "development")
        .containsEntry("workflow-name", "wf-my-wf")
        .containsEntry("shard-key", org.flyte.compiler.k8s.LabelValues.shardKey("exec1"))
        .containsEntry("team", "ml")
        .containsEntry("project", "overridden");
    assertThat(wf.metadata().annotations())
        .containsEntry("note", "hello")
        .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::1:role/flyte");
    assertThat(wf.metadata().finalizers()).containsExactly("flyte.org/finalizer");
    assertThat(wf.executionId()).isEqualTo(ExecutionFixtures.executionId("exec1"));
    assertThat(wf.acceptedAt()).isEqualTo(ExecutionFixtures.ACCEPTED_AT);
    assertThat(wf.workflowMeta().eventVersion()).isEqualTo(2);
    assertThat(wf.serviceAccountName()).isEqualTo("flyte-sa");
    assertThat(wf.securityContext().getRunAs().getK8SServiceAccount()).isEqualTo("flyte-sa");
    assertThat(wf.rawOutputDataConfig().getOutputLocationPrefix()).isEqualTo("s3://raw");
    assertThat(wf.inputs()).isEqualTo(ExecutionFixtures.inputs(3));
    assertThat(wf.spec()).isNotNull();
    assertThat(wf.tasks()).hasSize(1);
    assertThat(wf.consoleUrl()).isEmpty();
  }

  @Test
  void executionConfigFromTheResolvedConfigAndPlatformResources() {
    FlyteWorkflow wf =
        INLINE.create(ExecutionFixtures.data("exec1", ExecutionFixtures.fullParameters()));
    ExecutionConfig config = wf.executionConfig();
    assertThat(config.maxParallelism()).isEqualTo(25);
    assertThat(config.interruptible()).isTrue();
    assertThat(config.overwriteCache()).isTrue();
    assertThat(config.environmentVariables()).containsExactlyEntriesOf(java.util.Map.of("K", "V"));
    assertThat(config.taskPluginImpls().get("spark").pluginIds()).containsExactly("k8s-spark");
    assertThat(config.taskPluginImpls().get("spark").missingPluginBehavior())
        .isEqualTo(MissingPluginBehavior.USE_DEFAULT);
    assertThat(config.recoveryExecution().getName()).isEqualTo("previous");

    JsonObject json = FlyteWorkflowJson.toJson(wf).getAsJsonObject("executionConfig");
    // quantities in canonical form; zero (gpu limit "0"... and storage) written "0"
    assertThat(json.get("TaskResources"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"Requests\":{\"CPU\":\"500m\",\"Memory\":\"1Gi\",\"EphemeralStorage\":\"0\","
                    + "\"Storage\":\"0\",\"GPU\":\"0\"},"
                    + "\"Limits\":{\"CPU\":\"2\",\"Memory\":\"4Gi\",\"EphemeralStorage\":\"0\","
                    + "\"Storage\":\"0\",\"GPU\":\"1\"}}"));
    assertThat(json.get("RecoveryExecution"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"project\":\"flytesnacks\",\"domain\":\"development\",\"name\":\"previous\"}"));
  }

  @Test
  void aBareExecutionGetsFlytesEmptyValues() {
    FlyteWorkflow wf =
        INLINE.create(ExecutionFixtures.data("exec2", ExecutionFixtures.plainParameters(null)));
    JsonObject json = FlyteWorkflowJson.toJson(wf);
    assertThat(json.get("executionConfig"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"TaskPluginImpls\":{},\"MaxParallelism\":0,\"RecoveryExecution\":{},"
                    + "\"TaskResources\":{\"Requests\":{\"CPU\":\"0\",\"Memory\":\"0\","
                    + "\"EphemeralStorage\":\"0\",\"Storage\":\"0\",\"GPU\":\"0\"},"
                    + "\"Limits\":{\"CPU\":\"0\",\"Memory\":\"0\",\"EphemeralStorage\":\"0\","
                    + "\"Storage\":\"0\",\"GPU\":\"0\"}},"
                    + "\"Interruptible\":null,\"OverwriteCache\":false,\"EnvironmentVariables\":null}"));
    assertThat(json.get("securityContext").toString()).isEqualTo("{}");
    assertThat(json.get("rawOutputDataConfig").toString()).isEqualTo("{}");
    assertThat(json.has("serviceAccountName")).isFalse();
    assertThat(json.getAsJsonObject("metadata").has("annotations")).isFalse();
    assertThat(json.get("workflowMeta").toString()).isEqualTo("{\"eventVersion\":2}");
    assertThat(json.get("acceptedAt").getAsString()).isEqualTo("2024-03-04T05:06:07Z");
    assertThat(json.get("executionId"))
        .isEqualTo(
            JsonParser.parseString(
                "{\"project\":\"flytesnacks\",\"domain\":\"development\",\"name\":\"exec2\"}"));
  }

  @Test
  void offloadedClosureAndInputsLeaveTheStaticPartsOut() {
    FlyteWorkflowFactory offloading =
        new FlyteWorkflowFactory(new CustomResourceProperties(true, true, "https://console"));
    ExecutionData data = ExecutionFixtures.data("exec3", ExecutionFixtures.plainParameters(null));
    FlyteWorkflow wf = offloading.create(data);
    assertThat(wf.spec()).isNull();
    assertThat(wf.tasks()).isNull();
    assertThat(wf.subWorkflows()).isNull();
    assertThat(wf.inputs()).isNull();
    assertThat(wf.workflowClosureReference()).isEqualTo(data.workflowClosureReference());
    assertThat(wf.offloadedInputs()).isEqualTo(data.offloadedInputsReference());
    assertThat(wf.consoleUrl()).isEqualTo("https://console");
    JsonObject json = FlyteWorkflowJson.toJson(wf);
    assertThat(json.get("spec").isJsonNull()).isTrue();
    assertThat(json.get("tasks").isJsonNull()).isTrue();
    assertThat(json.has("inputs")).isFalse();
    assertThat(json.get("workflowClosureReference").getAsString())
        .isEqualTo(data.workflowClosureReference());
    assertThat(json.get("consoleUrl").getAsString()).isEqualTo("https://console");
    assertThat(FlyteWorkflowJson.read(FlyteWorkflowJson.write(wf))).isEqualTo(wf);
  }

  @Test
  void inputsThatDoNotFitTheWorkflowAreInternalWithFlytesCompileErrors() {
    ExecutionData data = ExecutionFixtures.data("exec4", ExecutionFixtures.plainParameters(null));
    ExecutionData wrong =
        new ExecutionData(
            data.namespace(),
            data.executionId(),
            data.referenceWorkflowName(),
            data.referenceLaunchPlanName(),
            data.workflowClosure(),
            data.workflowClosureReference(),
            new org.flyte.admin.executor.ExecutionParameters(
                flyteidl.core.Literals.LiteralMap.getDefaultInstance(),
                ExecutionFixtures.ACCEPTED_AT,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null),
            data.offloadedInputsReference());
    assertThatThrownBy(() -> INLINE.create(wrong))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
              assertThat(e.getMessage()).contains("ParameterNotBound").contains("[a]");
            });
  }
}
