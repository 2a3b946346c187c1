package org.flyte.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The native scheduler's names, bit for bit. */
class ScheduleNamesTest {

  @Test
  void theWorkedExample() {
    assertThat(
            ScheduleNames.executionName(
                "flytesnacks", "development", "my_lp", "v1", Instant.ofEpochSecond(1704067200)))
        .isEqualTo("f6a4391d16458d72b000");
    assertThat(
            Long.toUnsignedString(
                ScheduleNames.fnv1("flytesnacks:development:my_lp:v1:1704067200")))
        .isEqualTo("3159090853659624298");
  }

  /**
   * Names computed by Go with the code of {@code flyteadmin/scheduler/identifier} (v1.16.8): hash
   * {@code fnv.New64}, {@code binary.LittleEndian}, {@code uuid.FromBytes}, {@code strconv}.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "flytesnacks|development|my_lp|v1|1704067200|f6a4391d16458d72b000|9962263012907644827",
        "flytesnacks|production|daily.report|abc123|1700000000|ffafd99b48b9182dc000|3870992139962197504",
        "p|d|n|v|0|ff32cd31b90442775000|15382245945754593737",
        "project-x|staging|wf.lp_every_5m|3f9c0e1a|1735689600|f079788833a8e6d7f000|6796809122503208090",
        "flytesnacks|development|core.flyte_basics.lp.scheduled|v0.3.143|1767225660|f4c2feb52d1fedc8b000|1062957682710214712",
        "a|b|c|d|4102444800|fcaa2f3aa3958fe49000|4484980077589302297",
        "flytesnacks|development|lp_ü|v1|1704067260|ff3d3bc0852b94d50000|12594392108963595230"
      })
  void namesEqualTheGoSchedulers(
      String project,
      String domain,
      String name,
      String version,
      long slot,
      String executionName,
      String scheduleName) {
    Instant at = Instant.ofEpochSecond(slot);
    assertThat(ScheduleNames.executionName(project, domain, name, version, at))
        .isEqualTo(executionName)
        .hasSize(20)
        .startsWith("f")
        .endsWith("000");
    // Sub-second parts of a slot do not change the name (Go hashes Unix seconds).
    assertThat(ScheduleNames.executionName(project, domain, name, version, at.plusMillis(999)))
        .isEqualTo(executionName);
    assertThat(ScheduleNames.scheduleName(project, domain, name, version)).isEqualTo(scheduleName);
  }
}
