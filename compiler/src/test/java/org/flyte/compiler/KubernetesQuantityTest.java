package org.flyte.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's canonical text and arithmetic of Kubernetes quantities. */
class KubernetesQuantityTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "0Gi, 0",
    "2, 2",
    "500m, 500m",
    "0.5, 500m",
    "1000m, 1",
    "1500m, 1500m",
    "1.5, 1500m",
    "200Mi, 200Mi",
    "1024Mi, 1Gi",
    "1536Mi, 1536Mi",
    "1.5Gi, 1536Mi",
    "0.1Gi, 107374182400m",
    "512, 512",
    "1000, 1k",
    "10k, 10k",
    "500M, 500M",
    "1e3, 1e3",
    "2E6, 2e6",
    "100Ki, 100Ki",
    "1Ki, 1Ki",
    "1000Ki, 1000Ki",
    "0.5Ki, 512",
    "1n, 1n",
    "0.0000000001, 1n",
    "-500m, -500m",
    "1.0, 1"
  })
  void isWrittenAsGoWritesIt(String text, String canonical) {
    assertThat(KubernetesQuantity.parse(text)).get().hasToString(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1.2.3", "1Xi", "--1", "1 Gi"})
  void textThatIsNotAQuantityIsNone(String text) {
    assertThat(KubernetesQuantity.parse(text)).isEmpty();
    assertThat(KubernetesQuantity.parseOrZero(text).isZero()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"1Gi, 1024Mi, 0", "2, 1500m, 1", "500m, 1, -1", "1k, 1000, 0"})
  void quantitiesCompareByAmount(String a, String b, int sign) {
    assertThat(
            Integer.signum(
                KubernetesQuantity.parseOrZero(a).compareTo(KubernetesQuantity.parseOrZero(b))))
        .isEqualTo(sign);
  }
}
