package org.flyte.scheduler;

import org.flyte.common.config.FlyteCommandLine;
import org.flyte.scheduler.config.AdminClientConfiguration;
import org.flyte.scheduler.launch.AdminReadiness;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * {@code flytescheduler precheck}: waits until FlyteAdmin reports {@code flyteadmin} as SERVING on
 * its gRPC health service, then exits 0, or exits 1 after {@code scheduler.adminWait}. The Helm
 * chart runs it as the scheduler pod's init container, as Flyte's chart does
 * (cmd/scheduler/entrypoints/precheck.go, v1.16.8). Only the admin client starts: no database, no
 * schedules. Not a {@code @Configuration}, so that the scheduler app's component scan leaves it
 * out.
 */
@Import({AdminClientConfiguration.class, AdminReadiness.class})
public class SchedulerPrecheck {

  static int run(String[] springArgs) {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(SchedulerPrecheck.class)
            .properties("spring.config.name=" + FlyteSchedulerApplication.NAME);
    try {
      // AdminReadiness waits while the context starts (an ApplicationRunner).
      return FlyteCommandLine.runOnce(app, springArgs, context -> 0);
    } catch (IllegalStateException e) {
      System.err.println("precheck failed: " + e.getMessage());
      return 1;
    }
  }
}
