package org.flyte.compiler.k8s;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flyte.compiler.Quantity;

/**
 * A Kubernetes resource quantity and its canonical text, as {@code
 * k8s.io/apimachinery/pkg/api/resource.Quantity} (vendored by Flyte v1.16.8) parses and writes it:
 * the custom resource carries quantities in canonical form ({@code 0.5} is written {@code 500m},
 * {@code 1024Mi} is {@code 1Gi}, {@code 1.5Gi} is {@code 1536Mi}). Values are rounded up to whole
 * nano units when parsed, as Kubernetes does.
 *
 * @param value the amount
 * @param format how it was written: decimal SI suffixes, binary SI suffixes or a decimal exponent
 */
public record KubernetesQuantity(BigDecimal value, Format format) {

  /** Kubernetes' quantity formats. */
  public enum Format {
    DECIMAL_SI,
    BINARY_SI,
    DECIMAL_EXPONENT
  }

  /** The zero quantity, written {@code 0}. */
  public static final KubernetesQuantity ZERO =
      new KubernetesQuantity(BigDecimal.ZERO, Format.DECIMAL_SI);

  private static final Pattern SHAPE =
      Pattern.compile("([+-]?)([0-9]*(?:\\.[0-9]*)?)((?:[eE][+-]?[0-9]+)|[KMGTPE]i|[numkMGTPE])?");
  private static final String DECIMAL_SUFFIXES = "num kMGTPE";
  private static final BigInteger KI = BigInteger.valueOf(1024);

  /**
   * Parses a quantity ({@code 500m}, {@code 1Gi}, {@code 2}, {@code 1e3}).
   *
   * @throws IllegalArgumentException when Kubernetes would refuse it
   */
  public static KubernetesQuantity parse(String text) {
    Matcher m = text == null ? null : SHAPE.matcher(text);
    if (m == null || !Quantity.isValid(text) || !m.matches()) {
      throw new IllegalArgumentException(
          "quantities must match the regular expression"
              + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': \""
              + text
              + "\"");
    }
    String digits = m.group(2);
    BigDecimal amount =
        digits.isEmpty() || digits.equals(".")
            ? BigDecimal.ZERO
            : new BigDecimal(digits.startsWith(".") ? "0" + digits : digits);
    String suffix = m.group(3) == null ? "" : m.group(3);
    Format format;
    if (suffix.endsWith("i")) {
      format = Format.BINARY_SI;
      int power = 10 * ("KMGTPE".indexOf(suffix.charAt(0)) + 1);
      amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(power)));
    } else {
      format = suffix.length() > 1 ? Format.DECIMAL_EXPONENT : Format.DECIMAL_SI;
      amount = amount.scaleByPowerOfTen(Quantity.decimalExponent(suffix));
    }
    if (amount.scale() > 9) {
      amount = amount.setScale(9, RoundingMode.UP);
    }
    if (format == Format.BINARY_SI && amount.compareTo(BigDecimal.ONE) < 0) {
      format = Format.DECIMAL_SI;
    }
    if (m.group(1).equals("-")) {
      amount = amount.negate();
    }
    return new KubernetesQuantity(amount, format);
  }

  /** Whether the amount is zero. */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /** The canonical text ({@code Quantity.String()}). */
  @Override
  public String toString() {
    if (isZero()) {
      return "0";
    }
    Format canonical = format;
    if (format == Format.BINARY_SI) {
      boolean small = value.abs().compareTo(BigDecimal.valueOf(1024)) < 0;
      boolean whole = value.stripTrailingZeros().scale() <= 0;
      if (small || !whole) {
        canonical = Format.DECIMAL_SI;
      }
    }
    if (canonical == Format.BINARY_SI) {
      BigInteger amount = value.toBigIntegerExact();
      int exponent = 0;
      while (exponent < 6 && amount.mod(KI).signum() == 0) {
        amount = amount.divide(KI);
        exponent++;
      }
      return amount + (exponent == 0 ? "" : "KMGTPE".charAt(exponent - 1) + "i");
    }
    BigDecimal stripped = value.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    int exponent = -stripped.scale();
    int adjust = Math.floorMod(exponent, 3);
    mantissa = mantissa.multiply(BigInteger.TEN.pow(adjust));
    exponent -= adjust;
    if (canonical == Format.DECIMAL_EXPONENT) {
      return mantissa + (exponent == 0 ? "" : "e" + exponent);
    }
    if (exponent > 18) {
      mantissa = mantissa.multiply(BigInteger.TEN.pow(exponent - 18));
      exponent = 18;
    }
    char suffix = DECIMAL_SUFFIXES.charAt(exponent / 3 + 3);
    return mantissa + (suffix == ' ' ? "" : String.valueOf(suffix));
  }
}
