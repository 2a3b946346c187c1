package org.flyte.admin.service.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The native scheduler's cron grammar (robfig/cron v3 ParseStandard) and its error texts. */
class StandardCronTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "* * * * *",
        "*/5 * * * *",
        "0 3 * * MON-FRI",
        "15 4 1 jan ?",
        "0 0 1,15 * 0",
        "0-30/10 8-18 * 1-12/2 *",
        "@hourly",
        "@yearly",
        "@annually",
        "@midnight",
        "@every 1h30m",
        "CRON_TZ=America/Los_Angeles 0 2 * * *",
        "TZ=UTC @daily"
      })
  void acceptsWhatTheNativeSchedulerAccepts(String spec) {
    assertThat(StandardCron.problem(spec)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 0 * * * *|expected exactly 5 fields, found 6: [0 0 * * * *]",
        "0 12 * * ? *|expected exactly 5 fields, found 6: [0 12 * * ? *]",
        "* * *|expected exactly 5 fields, found 3: [* * *]",
        "60 * * * *|end of range (60) above maximum (59): 60",
        "0 0 0 * *|beginning of range (0) below minimum (1): 0",
        "0 0 * * 7|end of range (7) above maximum (6): 7",
        "5-1 * * * *|beginning of range (5) beyond end of range (1): 5-1",
        "*/0 * * * *|step of range should be a positive number: */0",
        "1-2-3 * * * *|too many hyphens: 1-2-3",
        "*/2/3 * * * *|too many slashes: */2/3",
        "x * * * *|failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
        "@fortnightly|unrecognized descriptor: @fortnightly",
        "@every soon|failed to parse duration @every soon: time: invalid duration \"soon\"",
        "TZ=Mars/Base * * * * *|provided bad location Mars/Base: unknown time zone Mars/Base"
      })
  void reportsTheParsersComplaint(String spec, String problem) {
    assertThat(StandardCron.problem(spec)).hasValue(problem);
  }
}
