package org.flyte.common.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectHashTest {

  @Test
  void floatsNormalizeAsObjecthashDoes() {
    assertThat(ObjectHash.normalize(1.0)).isEqualTo("+0:1");
    assertThat(ObjectHash.normalize(3.0)).isEqualTo("+2:011");
    assertThat(ObjectHash.normalize(-0.25)).isEqualTo("--2:1");
    assertThat(ObjectHash.normalize(0)).isEqualTo("+0:");
  }

  @Test
  void objectsHashTheSameWhateverTheOrderOfTheirKeys() {
    assertThat(ObjectHash.ofJson("{\"a\":1,\"b\":[true,null,\"x\"]}"))
        .hasSize(32)
        .isEqualTo(ObjectHash.ofJson("{\"b\":[true,null,\"x\"],\"a\":1}"))
        .isNotEqualTo(ObjectHash.ofJson("{\"a\":1,\"b\":[null,true,\"x\"]}"));
  }
}
