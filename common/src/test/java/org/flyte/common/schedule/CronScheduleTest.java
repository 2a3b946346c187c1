package org.flyte.common.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The native scheduler's cron grammar, its error texts and its next instants. */
class CronScheduleTest {

  static Stream<String> robfigVectors() throws IOException {
    try (var in =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    CronScheduleTest.class.getResourceAsStream("/schedule/robfig-next.txt")),
                StandardCharsets.UTF_8))) {
      return in.lines().filter(line -> !line.startsWith("#")).toList().stream();
    }
  }

  /** Each line: zone|spec|start|the next five instants (or "never"), computed by the Go library. */
  @ParameterizedTest
  @MethodSource("robfigVectors")
  void answersTheSameNextInstantsAsTheGoLibrary(String line) {
    String[] parts = line.split("\\|");
    ZoneId zone = ZoneId.of(parts[0]);
    CronSchedule schedule = CronSchedule.parse(parts[1]);
    Instant t = Instant.parse(parts[2]);
    List<String> answered = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Optional<Instant> next = schedule.next(t, zone);
      if (next.isEmpty()) {
        answered.add("never");
        break;
      }
      t = next.get();
      answered.add(t.toString());
    }
    assertThat(String.join(" ", answered)).isEqualTo(parts[3]);
  }

  @Test
  void aSkippedWallClockTimeDoesNotFireThatDayAndARepeatedOneFiresTwice() {
    ZoneId la = ZoneId.of("America/Los_Angeles");
    // 2026-03-08: 02:00 PST jumps to 03:00 PDT; 02:30 does not exist that day.
    assertThat(CronSchedule.parse("30 2 * * *").next(Instant.parse("2026-03-08T08:00:00Z"), la))
        .hasValue(Instant.parse("2026-03-09T09:30:00Z"));
    // 2026-11-01: 01:30 happens at -07:00 and again at -08:00.
    CronSchedule early = CronSchedule.parse("30 1 * * *");
    Instant first = early.next(Instant.parse("2026-11-01T07:00:00Z"), la).orElseThrow();
    assertThat(first).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
    assertThat(early.next(first, la)).hasValue(Instant.parse("2026-11-01T09:30:00Z"));
  }

  @Test
  void aZonePrefixOverridesTheDefaultZone() {
    CronSchedule schedule = CronSchedule.parse("TZ=America/New_York 0 9 * * *");
    assertThat(schedule.zone()).hasValue(ZoneId.of("America/New_York"));
    assertThat(schedule.next(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC))
        .hasValue(Instant.parse("2026-07-01T13:00:00Z"));
  }

  @Test
  void everyFiresAfterThePreviousInstantInWholeSeconds() {
    assertThat(
            CronSchedule.parse("@every 1h30m")
                .next(Instant.parse("2026-01-01T00:00:00.7Z"), ZoneOffset.UTC))
        .hasValue(Instant.parse("2026-01-01T01:30:00Z"));
    assertThat(
            CronSchedule.parse("@every 1500ms")
                .next(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .hasValue(Instant.parse("2026-01-01T00:00:01Z"));
    assertThat(
            CronSchedule.parse("@every 10ms")
                .next(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .hasValue(Instant.parse("2026-01-01T00:00:01Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 31 2 *", "0 0 30 2 ?", "0 0 31 4,6,9,11 *"})
  void aScheduleThatMatchesNoDayNeverFires(String spec) {
    assertThat(CronSchedule.parse(spec).next(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .isEmpty();
  }

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
        "@weekly",
        "@monthly",
        "@yearly",
        "@annually",
        "@midnight",
        "@every 1h30m",
        "@every 1.5h",
        "CRON_TZ=America/Los_Angeles 0 2 * * *",
        "TZ=UTC @daily"
      })
  void acceptsWhatTheNativeSchedulerAccepts(String spec) {
    assertThat(CronSchedule.problem(spec)).isEmpty();
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
        "0 0 L * *|failed to parse int from L: strconv.Atoi: parsing \"L\": invalid syntax",
        "@reboot|unrecognized descriptor: @reboot",
        "@every soon|failed to parse duration @every soon: time: invalid duration \"soon\"",
        "TZ=Mars/Base * * * * *|provided bad location Mars/Base: unknown time zone Mars/Base"
      })
  void reportsTheParsersComplaint(String spec, String problem) {
    assertThat(CronSchedule.problem(spec)).hasValue(problem);
    assertThatThrownBy(() -> CronSchedule.parse(spec)).hasMessage(problem);
  }

  @Test
  void anEmptySpecIsRefused() {
    assertThat(CronSchedule.problem("")).hasValue("empty spec string");
  }
}
