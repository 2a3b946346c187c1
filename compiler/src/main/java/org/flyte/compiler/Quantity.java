package org.flyte.compiler;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Set;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 2e3}), the one parser of the
 * project: the compiler checks task resources with {@link #isValid}, FlyteAdmin compares requests
 * and limits by {@link #value()}. The grammar follows {@code
 * k8s.io/apimachinery/pkg/api/resource.ParseQuantity} as vendored by Flyte v1.16.8): an optional
 * sign, digits with at most one decimal point, and a suffix that is empty, a decimal SI suffix
 * ({@code n u m k M G T P E}), a binary one ({@code Ki Mi Gi Ti Pi Ei}) or a decimal exponent
 * ({@code e3}, {@code E-2}).
 *
 * <p>Kubernetes' quirks are kept: a quantity without digits is accepted when the fast integer path
 * can represent it ({@code Ki}, {@code -}, {@code .}) and rejected when it needs the arbitrary
 * precision path ({@code Pi}, {@code e-10}); such a quantity amounts to zero.
 *
 * <p>{@link #canonical()} is the text Kubernetes writes ({@code Quantity.String()}), which the
 * {@code FlyteWorkflow} custom resource carries: {@code 0.5} is {@code 500m}, {@code 1024Mi} is
 * {@code 1Gi}, {@code 1.5Gi} is {@code 1536Mi}.
 *
 * @param text the quantity as written
 * @param amount its exact amount; exponents beyond {@value #MAX_EXPONENT} in magnitude are clamped
 */
public record Quantity(String text, BigDecimal amount) {

  /** The message of Kubernetes' {@code ErrFormatWrong}. */
  public static final String FORMAT_ERROR =
      "quantities must match the regular expression "
          + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  private static final int MAX_EXPONENT = 1000;

  private static final Set<String> DECIMAL_SI =
      Set.of("", "n", "u", "m", "k", "M", "G", "T", "P", "E");
  private static final String SUFFIX_CHARS = "eEinumkKMGTP";

  /**
   * @throws IllegalArgumentException with Kubernetes' message when {@code text} is not a quantity
   */
  public static Quantity parse(String text) {
    if (!isValid(text)) {
      throw new IllegalArgumentException(FORMAT_ERROR);
    }
    int pos = 0;
    int end = text.length();
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      pos++;
    }
    int numberStart = pos;
    while (pos < end && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    String digits = text.substring(numberStart, pos);
    BigDecimal number =
        digits.chars().anyMatch(Quantity::isDigit)
            ? new BigDecimal(digits.endsWith(".") ? digits + "0" : digits)
            : BigDecimal.ZERO;
    if (text.charAt(0) == '-') {
      number = number.negate();
    }
    String suffix = text.substring(pos);
    if (suffix.length() == 2 && suffix.charAt(1) == 'i') {
      int power = 10 * ("KMGTPE".indexOf(suffix.charAt(0)) + 1);
      return new Quantity(text, number.multiply(BigDecimal.valueOf(2).pow(power)));
    }
    long exponent =
        DECIMAL_SI.contains(suffix) ? decimalExponent(suffix) : Long.parseLong(suffix.substring(1));
    int clamped = (int) Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, exponent));
    return new Quantity(text, number.scaleByPowerOfTen(clamped));
  }

  /** Whether {@code text} is a quantity Kubernetes parses. */
  public static boolean isValid(String text) {
    if (text.isEmpty()) {
      return false;
    }
    if (text.equals("0")) {
      return true;
    }
    int end = text.length();
    int pos = 0;
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      pos++;
    }
    while (pos < end && text.charAt(pos) == '0') {
      pos++;
    }
    if (pos == end) {
      return true;
    }
    int numStart = pos;
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    int numDigits = Math.max(1, pos - numStart);
    if (pos == end) {
      return true;
    }
    int denomDigits = 0;
    if (text.charAt(pos) == '.') {
      pos++;
      int denomStart = pos;
      while (pos < end && isDigit(text.charAt(pos))) {
        pos++;
      }
      denomDigits = pos - denomStart;
      if (pos == end) {
        return true;
      }
    }
    boolean hasDigits = text.substring(0, pos).chars().anyMatch(Quantity::isDigit);
    int suffixStart = pos;
    while (pos < end && SUFFIX_CHARS.indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end) {
      if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
        pos++;
      }
      while (pos < end && isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos < end) {
        return false;
      }
    }
    String suffix = text.substring(suffixStart);
    boolean fastPath;
    if (DECIMAL_SI.contains(suffix) || isExponent(suffix)) {
      int exponent = decimalExponent(suffix);
      fastPath = numDigits + denomDigits <= 18 && exponent - denomDigits >= -9;
    } else if (suffix.length() == 2
        && suffix.charAt(1) == 'i'
        && "KMGTPE".indexOf(suffix.charAt(0)) >= 0) {
      int exponent = 10 * ("KMGTPE".indexOf(suffix.charAt(0)) + 1);
      int precision = 15 - numDigits - (exponent * 3 / 10) - 1;
      fastPath = denomDigits == 0 && precision >= 0;
    } else {
      return false;
    }
    return fastPath || hasDigits;
  }

  private static boolean isExponent(String suffix) {
    if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
      return false;
    }
    try {
      Long.parseLong(suffix.substring(1));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The amount rounded up to a whole number, as Go's {@code resource.Quantity.Value()}. */
  public long value() {
    BigDecimal whole = amount.setScale(0, RoundingMode.CEILING);
    if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return whole.longValueExact();
  }

  /** Whether the amount is a whole number. */
  public boolean isWhole() {
    return amount.signum() == 0 || amount.stripTrailingZeros().scale() <= 0;
  }

  /** Whether the amount is zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Kubernetes' quantity formats: how a quantity is written, kept by its canonical text. */
  public enum Format {
    /** No suffix or {@code n u m k M G T P E}. */
    DECIMAL_SI,
    /** {@code Ki Mi Gi Ti Pi Ei}. */
    BINARY_SI,
    /** {@code e3}, {@code E-2}. */
    DECIMAL_EXPONENT
  }

  /** The format of the suffix this quantity is written with. */
  public Format format() {
    String suffix = text.replaceFirst("^[+-]?[0-9.]*", "");
    if (suffix.endsWith("i")) {
      return Format.BINARY_SI;
    }
    return suffix.length() > 1 ? Format.DECIMAL_EXPONENT : Format.DECIMAL_SI;
  }

  /**
   * The canonical text, as Kubernetes writes a parsed quantity ({@code Quantity.String()}): the
   * amount rounded up to whole nano units, then written in its format with the largest suffix that
   * keeps a whole mantissa; a binary quantity below 1024 or not whole is written decimal.
   */
  public String canonical() {
    BigDecimal value = amount.scale() > 9 ? amount.setScale(9, RoundingMode.UP) : amount;
    if (value.signum() == 0) {
      return "0";
    }
    Format format = format();
    boolean whole = value.stripTrailingZeros().scale() <= 0;
    if (format == Format.BINARY_SI
        && value.abs().compareTo(BigDecimal.valueOf(1024)) >= 0
        && whole) {
      BigInteger mantissa = value.toBigIntegerExact();
      BigInteger ki = BigInteger.valueOf(1024);
      int exponent = 0;
      while (exponent < 6 && mantissa.mod(ki).signum() == 0) {
        mantissa = mantissa.divide(ki);
        exponent++;
      }
      return mantissa + (exponent == 0 ? "" : "KMGTPE".charAt(exponent - 1) + "i");
    }
    BigDecimal stripped = value.stripTrailingZeros();
    int exponent = -stripped.scale();
    int adjust = Math.floorMod(exponent, 3);
    BigInteger mantissa = stripped.unscaledValue().multiply(BigInteger.TEN.pow(adjust));
    exponent -= adjust;
    if (format == Format.DECIMAL_EXPONENT) {
      return mantissa + (exponent == 0 ? "" : "e" + exponent);
    }
    if (exponent > 18) {
      mantissa = mantissa.multiply(BigInteger.TEN.pow(exponent - 18));
      exponent = 18;
    }
    char suffix = "num kMGTPE".charAt(exponent / 3 + 3);
    return mantissa + (suffix == ' ' ? "" : String.valueOf(suffix));
  }

  @Override
  public String toString() {
    return text;
  }

  /** The power of ten of a decimal SI suffix ({@code ""}, {@code m}, {@code k}, ...). */
  public static int decimalExponent(String suffix) {
    return switch (suffix) {
      case "" -> 0;
      case "n" -> -9;
      case "u" -> -6;
      case "m" -> -3;
      case "k" -> 3;
      case "M" -> 6;
      case "G" -> 9;
      case "T" -> 12;
      case "P" -> 15;
      case "E" -> 18;
      default -> (int) Long.parseLong(suffix.substring(1));
    };
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
