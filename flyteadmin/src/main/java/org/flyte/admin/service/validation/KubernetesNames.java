package org.flyte.admin.service.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes' name rules as Flyte applies them to project ids and labels ({@code
 * k8s.io/apimachinery/pkg/util/validation}): each check returns the list of problems in Kubernetes'
 * wording, empty when the value is valid.
 */
public final class KubernetesNames {

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private KubernetesNames() {}

  /** {@code IsDNS1123Label}: lowercase alphanumerics and '-', 63 characters at most. */
  public static List<String> dns1123Label(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > 63) {
      errors.add("must be no more than 63 characters");
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      errors.add(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
              + " and must start and end with an alphanumeric character (e.g. 'my-name',  or"
              + " '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    }
    return errors;
  }

  /** {@code IsQualifiedName}: an optional DNS subdomain prefix and '/', then a 63-char name. */
  public static List<String> qualifiedName(String value) {
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
      } else if (prefix.length() > 253 || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
        errors.add("prefix part must be a lowercase RFC 1123 subdomain");
      }
    } else {
      errors.add(
          "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must"
              + " start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
              + " '123-abc', regex used for validation is"
              + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix"
              + " and '/' (e.g. 'example.com/MyName')");
      return errors;
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errors.add("name part must be no more than 63 characters");
    }
    if (!name.isEmpty() && !QUALIFIED_NAME.matcher(name).matches()) {
      errors.add(
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and"
              + " end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc',"
              + " regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    }
    return errors;
  }

  /** {@code IsValidLabelValue}: empty, or a 63-char name of alphanumerics, '-', '_', '.'. */
  public static List<String> labelValue(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > 63) {
      errors.add("must be no more than 63 characters");
    }
    if (!value.isEmpty() && !QUALIFIED_NAME.matcher(value).matches()) {
      errors.add(
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
              + " or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', "
              + " or 'my_value',  or '12345', regex used for validation is"
              + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }
    return errors;
  }

  /** Go's {@code %v} of a string slice: {@code [a b]}. */
  public static String goList(List<String> errors) {
    return "[" + String.join(" ", errors) + "]";
  }
}
