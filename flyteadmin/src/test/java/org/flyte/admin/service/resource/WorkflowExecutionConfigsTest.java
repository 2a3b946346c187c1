package org.flyte.admin.service.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import flyteidl.admin.Common.Envs;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.Common.RawOutputDataConfig;
import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Security.Identity;
import flyteidl.core.Security.SecurityContext;
import org.junit.jupiter.api.Test;

/** Flyte's merge of two execution configurations (higher priority first). */
class WorkflowExecutionConfigsTest {

  private static final WorkflowExecutionConfig LOWER =
      WorkflowExecutionConfig.newBuilder()
          .setMaxParallelism(25)
          .setSecurityContext(
              SecurityContext.newBuilder()
                  .setRunAs(Identity.newBuilder().setK8SServiceAccount("default-sa")))
          .setRawOutputDataConfig(
              RawOutputDataConfig.newBuilder().setOutputLocationPrefix("s3://x"))
          .setLabels(Labels.newBuilder().putValues("l", "1"))
          .setInterruptible(BoolValue.of(true))
          .setOverwriteCache(true)
          .setEnvs(Envs.newBuilder().addValues(KeyValuePair.newBuilder().setKey("K").setValue("V")))
          .build();

  @Test
  void unsetSettingsAreFilledFromTheLowerPriorityConfig() {
    assertThat(WorkflowExecutionConfigs.merge(WorkflowExecutionConfig.getDefaultInstance(), LOWER))
        .isEqualTo(LOWER);
  }

  @Test
  void setSettingsWin() {
    WorkflowExecutionConfig higher =
        WorkflowExecutionConfig.newBuilder()
            .setMaxParallelism(3)
            .setSecurityContext(
                SecurityContext.newBuilder().setRunAs(Identity.newBuilder().setIamRole("role")))
            .setLabels(Labels.newBuilder().putValues("mine", "2"))
            .setInterruptible(BoolValue.of(false))
            .build();

    WorkflowExecutionConfig merged = WorkflowExecutionConfigs.merge(higher, LOWER);

    assertThat(merged.getMaxParallelism()).isEqualTo(3);
    assertThat(merged.getSecurityContext()).isEqualTo(higher.getSecurityContext());
    assertThat(merged.getLabels().getValuesMap()).containsOnlyKeys("mine");
    assertThat(merged.getInterruptible().getValue()).as("present false wins").isFalse();
    assertThat(merged.getOverwriteCache()).isTrue();
    assertThat(merged.getRawOutputDataConfig().getOutputLocationPrefix()).isEqualTo("s3://x");
  }

  @Test
  void anEmptySecurityContextIsNotTakenFromBelow() {
    WorkflowExecutionConfig lower =
        WorkflowExecutionConfig.newBuilder()
            .setSecurityContext(
                SecurityContext.newBuilder().setRunAs(Identity.getDefaultInstance()))
            .build();

    assertThat(
            WorkflowExecutionConfigs.merge(WorkflowExecutionConfig.getDefaultInstance(), lower)
                .hasSecurityContext())
        .isFalse();
  }
}
