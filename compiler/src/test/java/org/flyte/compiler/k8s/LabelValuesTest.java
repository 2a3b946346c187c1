package org.flyte.compiler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelValuesTest {

  @Test
  void sanitizesAsPropellerDoes() {
    assertThat(LabelValues.sanitize("core.flyte_basics.hello_world.my_wf"))
        .isEqualTo("core-flyte-basics-hello-world-my-wf");
    assertThat(LabelValues.sanitize("__My..WF__")).isEqualTo("my-wf");
    assertThat(LabelValues.sanitize("a".repeat(70) + "-b")).hasSize(63);
    assertThat(LabelValues.sanitize("a".repeat(62) + ".b")).isEqualTo("a".repeat(62));
  }

  @Test
  void shardKeyIsFnv1aOfTheNameModulo32() {
    // FNV-1a 32 of "name" is 0x8d39bde6; 0x8d39bde6 % 32 = 6 (the golden resources' shard key)
    assertThat(LabelValues.shardKey("name")).isEqualTo("6");
    // FNV-1a 32 of "" is the offset basis 0x811c9dc5; % 32 = 5
    assertThat(LabelValues.shardKey("")).isEqualTo("5");
  }
}
