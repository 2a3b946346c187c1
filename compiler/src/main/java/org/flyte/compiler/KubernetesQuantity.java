package org.flyte.compiler;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 2e3}) with the arithmetic and
 * the text Flyte's components give it. Follows {@code k8s.io/apimachinery/pkg/api/resource} as
 * vendored by Flyte v1.16.8: {@link #parse} rounds up to whole nano units and remembers the format
 * of the suffix (decimal SI, binary SI or decimal exponent); {@link #toString} is Go's canonical
 * {@code Quantity.String()} ({@code 0.5} is {@code 500m}, {@code 1024Mi} is {@code 1Gi}, {@code
 * 1000m} is {@code 1}, {@code 0.1Gi} is {@code 107374182400m}), which is what FlyteAdmin writes
 * into the task resources of an execution and what the {@code FlyteWorkflow} resource carries.
 *
 * @param amount the exact amount
 * @param format the format the text is written in
 */
public record KubernetesQuantity(BigDecimal amount, Format format) {

  /** How a quantity is written (Go: {@code resource.Format}). */
  public enum Format {
    DECIMAL_SI,
    BINARY_SI,
    DECIMAL_EXPONENT
  }

  /** The zero quantity (what Go's zero {@code Quantity} is: {@code 0}, decimal SI). */
  public static final KubernetesQuantity ZERO =
      new KubernetesQuantity(BigDecimal.ZERO, Format.DECIMAL_SI);

  private static final Pattern FORM =
      Pattern.compile("([+-]?)(\\d*)(?:\\.(\\d*))?((?:[eE][+-]?\\d+)|[KMGTPE]i|[numkMGTPE])?");
  private static final Map<String, Integer> DECIMAL_EXPONENTS =
      Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  private static final Map<String, Integer> BINARY_EXPONENTS =
      Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
  private static final BigInteger THOUSAND_TWENTY_FOUR = BigInteger.valueOf(1024);

  /** The quantity {@code text} names, or empty when it is not a quantity. */
  public static Optional<KubernetesQuantity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String whole = m.group(2);
    String fraction = m.group(3) == null ? "" : m.group(3);
    if (whole.isEmpty() && fraction.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal((whole.isEmpty() ? "0" : whole) + "." + fraction + "0");
    String suffix = m.group(4) == null ? "" : m.group(4);
    BigDecimal amount;
    Format format;
    if (BINARY_EXPONENTS.containsKey(suffix)) {
      amount =
          number.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(BINARY_EXPONENTS.get(suffix))));
      format = Format.BINARY_SI;
    } else if (suffix.startsWith("e") || suffix.startsWith("E")) {
      amount = number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
      format = Format.DECIMAL_EXPONENT;
    } else {
      amount = number.scaleByPowerOfTen(DECIMAL_EXPONENTS.get(suffix));
      format = Format.DECIMAL_SI;
    }
    if (amount.signum() != 0) {
      // Go rounds any non-zero amount up (away from zero) to a whole number of nano units.
      amount = amount.setScale(9, RoundingMode.UP);
    }
    if (m.group(1).equals("-")) {
      amount = amount.negate();
    }
    if (format == Format.BINARY_SI && amount.compareTo(BigDecimal.ONE) < 0 && amount.signum() > 0) {
      format = Format.DECIMAL_SI;
    }
    return Optional.of(new KubernetesQuantity(amount.stripTrailingZeros(), format));
  }

  /**
   * The quantity {@code text} names; zero when it is not one (Go's {@code parseQuantityNoError}).
   */
  public static KubernetesQuantity parseOrZero(String text) {
    return parse(text).orElse(ZERO);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Compares the amounts (Go's {@code Cmp}). */
  public int compareTo(KubernetesQuantity other) {
    return amount.compareTo(other.amount);
  }

  /** Go's canonical text of the quantity ({@code Quantity.String()}). */
  @Override
  public String toString() {
    if (isZero()) {
      return "0";
    }
    Format effective = format;
    if (effective == Format.BINARY_SI) {
      boolean small =
          amount.compareTo(BigDecimal.valueOf(-1024)) > 0
              && amount.compareTo(BigDecimal.valueOf(1024)) < 0;
      boolean whole = amount.stripTrailingZeros().scale() <= 0;
      if (small || !whole) {
        effective = Format.DECIMAL_SI;
      }
    }
    if (effective == Format.BINARY_SI) {
      BigInteger value = amount.toBigIntegerExact();
      int exponent = 0;
      while (exponent < 60 && value.mod(THOUSAND_TWENTY_FOUR).signum() == 0) {
        value = value.divide(THOUSAND_TWENTY_FOUR);
        exponent += 10;
      }
      return value + binarySuffix(exponent);
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    int exponent = -stripped.scale();
    while (exponent % 3 != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN);
      exponent--;
    }
    if (effective == Format.DECIMAL_EXPONENT) {
      return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }
    return mantissa + decimalSuffix(exponent);
  }

  private static String binarySuffix(int exponent) {
    return BINARY_EXPONENTS.entrySet().stream()
        .filter(e -> e.getValue() == exponent)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }

  private static String decimalSuffix(int exponent) {
    return DECIMAL_EXPONENTS.entrySet().stream()
        .filter(e -> e.getValue() == exponent)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("e" + exponent);
  }
}
