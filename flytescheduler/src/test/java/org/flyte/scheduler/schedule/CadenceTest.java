package org.flyte.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CadenceTest {

  private static ScheduleRow rate(long value, int unit) {
    return new ScheduleRow("p", "d", "n", "v", "", value, unit, "", true, Instant.EPOCH);
  }

  @Test
  void aFixedRateFiresOneDelayAfterThePreviousSlotTruncatedToTheSecond() {
    Cadence hourly = Cadence.of(rate(2, 1), ZoneOffset.UTC);
    assertThat(hourly.next(Instant.parse("2026-01-01T10:15:30.250Z")))
        .hasValue(Instant.parse("2026-01-01T12:15:30Z"));
    assertThat(Cadence.of(rate(1, 2), ZoneOffset.UTC).next(Instant.parse("2026-03-07T10:00:00Z")))
        .hasValue(Instant.parse("2026-03-08T10:00:00Z"));
  }

  @Test
  void aRowThatCannotBeScheduledSaysWhy() {
    assertThatThrownBy(() -> Cadence.of(rate(1, 7), ZoneOffset.UTC))
        .hasMessage("unsupported unit 7 for fixed rate scheduling");
    assertThatThrownBy(
            () ->
                Cadence.of(
                    new ScheduleRow("p", "d", "n", "v", "0 0 * *", 0, 0, "", true, Instant.EPOCH),
                    ZoneOffset.UTC))
        .hasMessage("expected exactly 5 fields, found 4: [0 0 * *]");
  }
}
