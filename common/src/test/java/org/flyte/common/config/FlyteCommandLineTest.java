package org.flyte.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlyteCommandLineTest {

  @Test
  void splitsFlytesCommandWordsFromSpringOptions() {
    FlyteCommandLine line =
        FlyteCommandLine.parse(
            "--config", "/etc/flyte/config/*.yaml", "migrate", "seed-projects", "a", "b", "--x=1");

    assertThat(line.command()).containsExactly("migrate", "seed-projects", "a", "b");
    assertThat(line.springArgs()).containsExactly("--config=/etc/flyte/config/*.yaml", "--x=1");
    assertThat(line.argumentsAfter("migrate", "seed-projects")).containsExactly("a", "b");
    assertThat(line.argumentsAfter("clusterresource")).isNull();
    assertThat(line.is("migrate", "seed-projects", "a", "b")).isTrue();
  }

  @Test
  void keepsTheEqualsFormAndAllowsNoCommand() {
    FlyteCommandLine line = FlyteCommandLine.parse("--config=/c/*.yaml");

    assertThat(line.command()).isEmpty();
    assertThat(line.springArgs("--more")).containsExactly("--config=/c/*.yaml", "--more");
  }
}
