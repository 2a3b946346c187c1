package org.flyte.testing;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concrete request paths for {@code google.api.http} path templates, for tests that walk routes.
 */
public final class RestPaths {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}=]+)(=[^}]*)?}");

  private RestPaths() {}

  /**
   * The template with each variable replaced by a valid sample of its field's type: enums by name
   * (even {@code seed}) or number (odd {@code seed}), numbers as {@code 3}, strings as {@code
   * s<field name>}.
   */
  public static String sample(String template, Descriptor request, int seed) {
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(path, sample(field(request, matcher.group(1)), seed));
    }
    matcher.appendTail(path);
    return path.toString();
  }

  private static FieldDescriptor field(Descriptor root, String dottedPath) {
    Descriptor type = root;
    FieldDescriptor field = null;
    for (String name : dottedPath.split("\\.")) {
      field = type.findFieldByName(name);
      if (field == null) {
        throw new IllegalArgumentException(dottedPath + " is not a field of " + root.getFullName());
      }
      type =
          field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? field.getMessageType() : null;
    }
    return field;
  }

  private static String sample(FieldDescriptor field, int seed) {
    return switch (field.getJavaType()) {
      case ENUM -> {
        List<EnumValueDescriptor> values = field.getEnumType().getValues();
        EnumValueDescriptor value = values.get(Math.min(1, values.size() - 1));
        yield seed % 2 == 0 ? value.getName() : Integer.toString(value.getNumber());
      }
      case INT, LONG -> "3";
      case BOOLEAN -> "true";
      default -> "s" + field.getName();
    };
  }
}
