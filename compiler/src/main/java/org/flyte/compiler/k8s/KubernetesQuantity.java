package org.flyte.compiler.k8s;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.flyte.compiler.Quantity;

/**
 * The canonical text of a Kubernetes quantity, which the custom resource carries: {@code
 * Quantity.String()} of {@code k8s.io/apimachinery/pkg/api/resource} (vendored by Flyte v1.16.8)
 * writes {@code 0.5} as {@code 500m}, {@code 1024Mi} as {@code 1Gi} and {@code 1.5Gi} as {@code
 * 1536Mi}, keeping the kind of suffix it was written with (decimal SI, binary SI or a decimal
 * exponent). Parsing is {@link Quantity}'s; like Kubernetes, amounts are rounded up to whole nano
 * units first.
 *
 * @param value the amount, rounded up to nano units
 * @param format how it was written
 */
public record KubernetesQuantity(BigDecimal value, Format format) {

  /** Kubernetes' quantity formats. */
  public enum Format {
    DECIMAL_SI,
    BINARY_SI,
    DECIMAL_EXPONENT
  }

  private static final String DECIMAL_SUFFIXES = "num kMGTPE";
  private static final BigInteger KI = BigInteger.valueOf(1024);

  /**
   * Parses a quantity ({@code 500m}, {@code 1Gi}, {@code 2}, {@code 1e3}).
   *
   * @throws IllegalArgumentException with Kubernetes' message when it would refuse it
   */
  public static KubernetesQuantity parse(String text) {
    BigDecimal amount = Quantity.parse(text).amount();
    String suffix = text.replaceFirst("^[+-]?[0-9.]*", "");
    Format format;
    if (suffix.endsWith("i")) {
      format = Format.BINARY_SI;
    } else if (suffix.length() > 1) {
      format = Format.DECIMAL_EXPONENT;
    } else {
      format = Format.DECIMAL_SI;
    }
    if (amount.scale() > 9) {
      amount = amount.setScale(9, RoundingMode.UP);
    }
    if (format == Format.BINARY_SI && amount.abs().compareTo(BigDecimal.ONE) < 0) {
      format = Format.DECIMAL_SI;
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
