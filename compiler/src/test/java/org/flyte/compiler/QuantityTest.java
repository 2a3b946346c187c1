package org.flyte.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kubernetes quantity syntax as Flyte v1.16.8 checks task resources; every value here was checked
 * against Flyte's own compiler.
 */
class QuantityTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "1",
        "-1",
        "+1",
        "1.5",
        "1.",
        ".",
        "-",
        ".5",
        "1Ki",
        "Ki",
        "Mi",
        "Gi",
        "Ti",
        "1Pi",
        "1Ei",
        "0Ei",
        "1.5Ki",
        ".Ki",
        ".5Ki",
        "1e3",
        "1E3",
        "1e-3",
        "e3",
        "1e-10",
        "1.5n",
        "1n",
        "n",
        "m",
        "1m",
        "500m",
        "2G",
        "1k",
        "1e+3",
        "1E+3",
        "100Mi",
        "0.1",
        "0.0000000001",
        "123456789012345678901234567890",
        "1234567890123456789",
        "1.23456789012345678",
        "-.",
        "+.",
        ".e5",
        "0.5Pi",
        "8Ei",
        "9Ei",
        "1P",
        "1E",
        "1u",
        "1.5u",
        "00000",
        "000.000",
        "1.0000000000m"
      })
  void acceptsWhatKubernetesParses(String quantity) {
    assertThat(Quantity.isValid(quantity)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "Pi", "Ei", "e-10", "2g", "1K", "abc", "1 ", "1e", "1e+", "1ee3", "1.2.3", "--1",
        "1KiB", "-.e-10", "1Mi5"
      })
  void rejectsWhatKubernetesRejects(String quantity) {
    assertThat(Quantity.isValid(quantity)).isFalse();
  }

  @Test
  void answersAtOnceForHugeExponents() {
    // Flyte's parser spends unbounded time on this one; its answer would be "valid".
    assertThat(Quantity.isValid("5e999999999999")).isTrue();
    // An exponent beyond 64 bits is not a suffix Kubernetes knows.
    assertThat(Quantity.isValid("1e99999999999999999999")).isFalse();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "500m, 0.5, 1",
    "1Ki, 1024, 1024",
    "1.5Gi, 1610612736, 1610612736",
    "2e3, 2000, 2000",
    "1E-2, 0.01, 1",
    "-1, -1, -1",
    "Ki, 0, 0",
    "1., 1, 1",
    "100M, 100000000, 100000000"
  })
  void parsesAmountsAndRoundsValuesUp(String text, String amount, long value) {
    Quantity quantity = Quantity.parse(text);
    assertThat(quantity.amount()).isEqualByComparingTo(amount);
    assertThat(quantity.value()).isEqualTo(value);
    assertThat(quantity).hasToString(text);
  }

  @Test
  void refusesWithKubernetesMessageAndSaturatesHugeValues() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Quantity.parse("2g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(Quantity.FORMAT_ERROR);
    assertThat(Quantity.parse("5e999999999999").value()).isEqualTo(Long.MAX_VALUE);
    assertThat(Quantity.parse("1").isWhole()).isTrue();
    assertThat(Quantity.parse("1.5").isWhole()).isFalse();
  }
}
