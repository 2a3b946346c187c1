package org.flyte.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Quantity#canonical()}: the text Kubernetes writes, which the custom resource carries. */
class QuantityCanonicalTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "0.5, 500m",
    "1.5, 1500m",
    "1000m, 1",
    "2000, 2k",
    "1536, 1536",
    "100Mi, 100Mi",
    "1024Mi, 1Gi",
    "1.5Gi, 1536Mi",
    "0.5Gi, 512Mi",
    "1000Mi, 1000Mi",
    "512, 512",
    "1e3, 1e3",
    "1E6, 1e6",
    "10G, 10G",
    "0.1n, 1n",
    "-1, -1",
    "+2, 2",
    "300Mi, 300Mi",
    "1Ki, 1Ki",
    "0.5Ki, 512"
  })
  void writesTheCanonicalFormKubernetesWrites(String text, String canonical) {
    assertThat(Quantity.parse(text).canonical()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1.2.3", "1Qi", "1 Gi"})
  void refusesWhatKubernetesRefuses(String text) {
    assertThatThrownBy(() -> Quantity.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantities must match the regular expression");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0m", "0Gi", "0.0"})
  void zeroIsZero(String text) {
    assertThat(Quantity.parse(text).isZero()).isTrue();
    assertThat(Quantity.parse(text).canonical()).isEqualTo("0");
  }
}
