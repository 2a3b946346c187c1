package org.flyte.admin.config;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import org.flyte.admin.config.FlyteAdminProperties.SeedProject;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binding of Flyte's {@code flyteadmin} section and what is derived from it. */
class FlyteAdminPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(FlyteAdminProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void defaultsSeedNothingAndAllowAParallelismOf25() {
    runner.run(
        context -> {
          FlyteAdminProperties properties = context.getBean(FlyteAdminProperties.class);
          assertThat(properties.projectsToSeed()).isEmpty();
          assertThat(properties.workflowExecutionConfig())
              .isEqualTo(WorkflowExecutionConfig.newBuilder().setMaxParallelism(25).build());
        });
  }

  @Test
  void seedProjectsWithDetailsWinOverPlainNamesAndEachNameIsSeededOnce() {
    runner
        .withPropertyValues(
            "flyte.flyteadmin.seedProjects=flytesnacks,other,flytesnacks",
            "flyte.flyteadmin.seedProjectsWithDetails[0].name=flytesnacks",
            "flyte.flyteadmin.seedProjectsWithDetails[0].description=Default project setup.")
        .run(
            context ->
                assertThat(context.getBean(FlyteAdminProperties.class).projectsToSeed())
                    .containsExactly(
                        new SeedProject("flytesnacks", "Default project setup."),
                        new SeedProject("other", "other description")));
  }

  @Test
  void configuredExecutionDefaultsBecomeTheLowestPriorityExecutionConfig() {
    runner
        .withPropertyValues(
            "flyte.flyteadmin.maxParallelism=5",
            "flyte.flyteadmin.k8sServiceAccount=sa",
            "flyte.flyteadmin.outputLocationPrefix=s3://bucket/raw",
            "flyte.flyteadmin.labels.team=ml",
            "flyte.flyteadmin.interruptible=true")
        .run(
            context -> {
              WorkflowExecutionConfig config =
                  context.getBean(FlyteAdminProperties.class).workflowExecutionConfig();
              assertThat(config.getMaxParallelism()).isEqualTo(5);
              assertThat(config.getSecurityContext().getRunAs().getK8SServiceAccount())
                  .isEqualTo("sa");
              assertThat(config.getRawOutputDataConfig().getOutputLocationPrefix())
                  .isEqualTo("s3://bucket/raw");
              assertThat(config.getLabels().getValuesMap()).containsEntry("team", "ml");
              assertThat(config.getInterruptible().getValue()).isTrue();
              assertThat(config.hasAnnotations()).isFalse();
            });
  }
}
