package org.flyte.admin.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 2e3}) as task resource checks
 * compare it: by {@link #value()}, the amount rounded up to a whole number, as Go's {@code
 * resource.Quantity.Value()} does.
 *
 * @param text the quantity as written
 * @param amount its exact amount
 */
record Quantity(String text, BigDecimal amount) {

  private static final Pattern FORM =
      Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))([eE][+-]?\\d+|[KMGTPE]i|[numkMGTPE])?");
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  /**
   * @throws IllegalArgumentException naming the problem when {@code text} is not a quantity
   */
  static Quantity parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "quantities must match the regular expression "
              + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return new Quantity(text, number);
    }
    if (suffix.startsWith("e") || suffix.startsWith("E")) {
      return new Quantity(text, number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
    }
    return new Quantity(text, number.multiply(SUFFIXES.get(suffix)));
  }

  /** The amount rounded up to a whole number. */
  long value() {
    return amount.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  boolean isWhole() {
    return amount.stripTrailingZeros().scale() <= 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
