package org.flyte.compiler.k8s.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoValuesTest {

  @ParameterizedTest
  @CsvSource({
    "1.0, 1",
    "0.0, 0",
    "0.1, 0.1",
    "10.0, 10",
    "1.0E-7, 1e-7",
    "1.5E-10, 1.5e-10",
    "1.0E21, 1e+21",
    "1.23456789E8, 123456789",
    "-2.5, -2.5",
    "1.0E-6, 0.000001"
  })
  void floatsAsEncodingJsonWritesThem(String java, String go) {
    assertThat(GoValues.formatFloat(java)).isEqualTo(go);
  }

  @ParameterizedTest
  @CsvSource({
    "string_value, StringValue",
    "k8s_service_account, K8SServiceAccount",
    "kind, Kind",
    "value, Value",
    "run_as, RunAs",
    "failed_node_id, FailedNodeId"
  })
  void goNamesOfProtobufNames(String proto, String go) {
    assertThat(GoValues.goCamelCase(proto)).isEqualTo(go);
  }

  @Test
  void timesAreRfc3339SecondsInUtc() {
    Instant t = Instant.parse("2024-05-06T07:08:09.123Z");
    assertThat(GoValues.formatTime(t)).isEqualTo("2024-05-06T07:08:09Z");
    assertThat(GoValues.parseTime("2024-05-06T09:08:09+02:00"))
        .isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0s",
    "PT1.5S, 1.5s",
    "PT1M30S, 1m30s",
    "PT1H, 1h0m0s",
    "PT2H0.25S, 2h0m0.25s",
    "PT0.5S, 500ms",
    "PT0.00001S, 10µs",
    "PT0.000000123S, 123ns",
    "PT-1M, -1m0s"
  })
  void durationsAsGoWritesAndReadsThem(Duration duration, String go) {
    assertThat(GoDuration.format(duration)).isEqualTo(go);
    assertThat(GoDuration.parse(go)).isEqualTo(duration);
  }

  @Test
  void goDurationsWithSeveralUnitsAndSpellings() {
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("10us")).isEqualTo(Duration.ofNanos(10_000));
    assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoDuration.parse("5 minutes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a Go duration: \"5 minutes\"");
  }
}
