package org.flyte.compiler.typing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable part of a promise, {@code o0} or {@code [2].o0} (Go: {@code typing/variable.go},
 * v1.16.8). Flyte searches the text for {@code (\[<index>\]\.)?<word>} and accepts it when there is
 * exactly one match, wherever it is: {@code o0!} parses as {@code o0}, {@code a.b} does not parse.
 *
 * @param name the output name
 * @param index the element index, or null when there is none
 */
public record VariableName(String name, Long index) {

  private static final Pattern MATCHER = Pattern.compile("(\\[(\\d+)]\\.)?(\\w+)");

  /** The parsed name, or null when {@code text} does not parse. */
  public static VariableName parse(String text) {
    Matcher m = MATCHER.matcher(text);
    if (!m.find()) {
      return null;
    }
    String index = m.group(2);
    String name = m.group(3);
    if (m.find()) {
      return null;
    }
    if (index == null) {
      return new VariableName(name, null);
    }
    try {
      return new VariableName(name, Long.parseLong(index));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
