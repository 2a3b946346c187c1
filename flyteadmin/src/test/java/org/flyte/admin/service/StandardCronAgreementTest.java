package org.flyte.admin.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.flyte.admin.service.validation.StandardCron;
import org.flyte.common.schedule.CronSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Admin's validation at registration and the scheduler's grammar ({@link CronSchedule}) accept the
 * same texts with the same complaints, so that whatever admin accepts, the scheduler can fire.
 */
class StandardCronAgreementTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "* * * * *",
        "*/5 * * * *",
        "0 3 * * MON-FRI",
        "15 4 1 jan ?",
        "0 0 1,15 * 0",
        "0-30/10 8-18 * 1-12/2 *",
        "5/15 * * * *",
        "0 0 31 2 *",
        "@hourly",
        "@weekly",
        "@every 1h30m",
        "@every 0",
        "@every -5m",
        "CRON_TZ=America/Los_Angeles 0 2 * * *",
        "TZ=UTC @daily",
        "TZ=UTC",
        "",
        "   ",
        "0 0 * * * *",
        "0 12 * * ? *",
        "60 * * * *",
        "0 0 0 * *",
        "0 0 * * 7",
        "5-1 * * * *",
        "*/0 * * * *",
        "1-2-3 * * * *",
        "*/2/3 * * * *",
        "x * * * *",
        "0 0 L * *",
        "0 0 ? * 1#2",
        "@reboot",
        "@every soon",
        "TZ=Mars/Base * * * * *",
        "+5 * * * *",
        "-5 * * * *"
      })
  void admitAndRejectTheSameTexts(String spec) {
    assertThat(CronSchedule.problem(spec)).isEqualTo(StandardCron.problem(spec));
  }
}
