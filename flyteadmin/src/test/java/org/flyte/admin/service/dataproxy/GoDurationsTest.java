package org.flyte.admin.service.dataproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Go's {@code time.Duration.String}, as Flyte's messages print durations. */
class GoDurationsTest {

  @Test
  void formatsLikeGo() {
    assertThat(GoDurations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDurations.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
    assertThat(GoDurations.format(Duration.ofHours(2))).isEqualTo("2h0m0s");
    assertThat(GoDurations.format(Duration.ofSeconds(3601))).isEqualTo("1h0m1s");
    assertThat(GoDurations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(GoDurations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDurations.format(Duration.ofSeconds(-5))).isEqualTo("-5s");
    assertThat(GoDurations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(GoDurations.format(Duration.ofNanos(1500))).isEqualTo("1.5µs");
    assertThat(GoDurations.format(Duration.ofNanos(7))).isEqualTo("7ns");
    assertThat(GoDurations.format(Duration.ofHours(26).plusMillis(1))).isEqualTo("26h0m0.001s");
  }
}
