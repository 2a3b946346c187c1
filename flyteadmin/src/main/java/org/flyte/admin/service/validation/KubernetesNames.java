package org.flyte.admin.service.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes' name rules as FlyteAdmin applies them to project ids and labels, with the messages of
 * {@code k8s.io/apimachinery/pkg/util/validation} (v0.34, which Flyte v1.16.8 builds with). Each
 * check answers the list of problems, empty when the value is valid; Flyte prints the list as Go
 * prints a slice ({@code [a b]}, see {@link #goList}).
 */
public final class KubernetesNames {

  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String LABEL_VALUE_FMT = "(" + LABEL_KEY_FMT + ")?";
  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  private static final Pattern LABEL_KEY = Pattern.compile(LABEL_KEY_FMT);
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
  private static final String LABEL_KEY_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";

  private KubernetesNames() {}

  /** A DNS (RFC 1123) label: lowercase alphanumerics and '-', at most 63 characters. */
  public static List<String> dns1123Label(String value) {
    List<String> errors = new ArrayList<>();
    if (bytes(value) > 63) {
      errors.add(maxLength(63));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      errors.add(
          DNS1123_SUBDOMAIN.matcher(value).matches()
              ? "must not contain dots"
              : regexError(
                  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or"
                      + " '-', and must start and end with an alphanumeric character",
                  DNS1123_LABEL_FMT,
                  "my-name",
                  "123-abc"));
    }
    return errors;
  }

  /** A DNS (RFC 1123) subdomain, at most 253 characters. */
  public static List<String> dns1123Subdomain(String value) {
    List<String> errors = new ArrayList<>();
    if (bytes(value) > 253) {
      errors.add(maxLength(253));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errors.add(
          regexError(
              "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
                  + " '-' or '.', and must start and end with an alphanumeric character",
              DNS1123_SUBDOMAIN_FMT,
              "example.com"));
    }
    return errors;
  }

  /** A label key (Kubernetes' "qualified name"): an optional DNS subdomain prefix and a name. */
  public static List<String> labelKey(String value) {
    List<String> errors = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        dns1123Subdomain(prefix).forEach(e -> errors.add("prefix part " + e));
      }
    } else {
      errors.add(
          "a valid label key "
              + regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")
              + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errors;
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (bytes(name) > 63) {
      errors.add("name part " + maxLength(63));
    }
    if (!LABEL_KEY.matcher(name).matches()) {
      errors.add(
          "name part " + regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc"));
    }
    return errors;
  }

  /** A label value: empty, or a name of at most 63 characters. */
  public static List<String> labelValue(String value) {
    List<String> errors = new ArrayList<>();
    if (bytes(value) > 63) {
      errors.add(maxLength(63));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errors.add(
          regexError(
              "a valid label must be an empty string or consist of alphanumeric characters, '-',"
                  + " '_' or '.', and must start and end with an alphanumeric character",
              LABEL_VALUE_FMT,
              "MyValue",
              "my_value",
              "12345"));
    }
    return errors;
  }

  /** A list as Go's {@code %v} prints a {@code []string}: {@code [first second]}. */
  public static String goList(List<String> values) {
    return "[" + String.join(" ", values) + "]";
  }

  /** Go's {@code len} of a string: its UTF-8 bytes. */
  static int bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String maxLength(int length) {
    return "must be no more than " + length + " characters";
  }

  private static String regexError(String message, String format, String... examples) {
    StringBuilder text = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        text.append(" or ");
      }
      text.append('\'').append(examples[i]).append("', ");
    }
    return text.append("regex used for validation is '").append(format).append("')").toString();
  }
}
