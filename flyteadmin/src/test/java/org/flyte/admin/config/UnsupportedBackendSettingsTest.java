package org.flyte.admin.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Flyte's {@code notifications}, {@code externalEvents} and {@code cloudEvents} sections: what this
 * FlyteAdmin does not publish is refused at start-up, never dropped silently.
 */
class UnsupportedBackendSettingsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({
    NotificationsProperties.class,
    ExternalEventsProperties.class,
    CloudEventsProperties.class,
    ScheduleSchemesProperties.class
  })
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void flytesDefaultsAndTheLocalTypeStart() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(NotificationsProperties.class).type()).isEqualTo("local");
        });
    runner
        .withPropertyValues(
            "flyte.notifications.type=local",
            "flyte.notifications.emailer.subject=ignored with local",
            "flyte.externalEvents.enable=false",
            "flyte.cloudEvents.enable=false",
            "flyte.cloudEvents.type=aws",
            "flyte.scheduler.eventScheduler.scheme=local",
            "flyte.scheduler.workflowExecutor.config.adminRateLimit.tps=100")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void eachPublisherThatWouldBeIgnoredStopsTheStartSayingWhatToChange() {
    runner
        .withPropertyValues("flyte.notifications.type=aws")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "notifications.type 'aws' is not supported: this FlyteAdmin sends no"
                            + " notifications (no SNS/SQS, Pub/Sub or e-mail publisher). Remove"
                            + " the notifications section or set its type to local"));
    runner
        .withPropertyValues("flyte.externalEvents.enable=true")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("externalEvents.enable is not supported"));
    runner
        .withPropertyValues("flyte.cloud-events.enable=true")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("cloudEvents.enable is not supported"));
  }

  @Test
  void awsSchedulingStopsTheStartPointingAtFlyteScheduler() {
    runner
        .withPropertyValues("flyte.scheduler.eventScheduler.scheme=aws")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "scheduler.eventScheduler.scheme 'aws' is not supported: FlyteAdmin drives"
                            + " no CloudWatch schedules; set it to local and run FlyteScheduler"
                            + " (flytescheduler run)"));
    runner
        .withPropertyValues("flyte.scheduler.workflowExecutor.scheme=aws")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("scheduler.workflowExecutor.scheme 'aws'"));
  }
}
