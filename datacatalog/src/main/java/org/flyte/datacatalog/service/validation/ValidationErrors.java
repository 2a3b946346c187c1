package org.flyte.datacatalog.service.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.flyte.common.error.FlyteException;

/**
 * INVALID_ARGUMENT errors with Flyte's messages. Follows {@code
 * datacatalog/pkg/manager/impl/validators/errors.go} (v1.16.8).
 */
public final class ValidationErrors {

  private ValidationErrors() {}

  /** {@code missing <field>}. */
  public static FlyteException missing(String field) {
    return FlyteException.invalidArgument("missing %s", field);
  }

  /** {@code invalid value for <field>, value:[<value>]}. */
  public static FlyteException invalidValue(String field, String value) {
    return FlyteException.invalidArgument("invalid value for %s, value:[%s]", field, value);
  }

  /** {@code <entity> cannot be filtered by <property entity> properties}. */
  public static FlyteException invalidFilter(String entity, String propertyEntity) {
    return FlyteException.invalidArgument(
        "%s cannot be filtered by %s properties", entity, propertyEntity);
  }

  /** Several problems in one error, their messages joined by {@code ", "}. */
  public static FlyteException collected(List<FlyteException> errors) {
    return FlyteException.invalidArgument(
        "%s", errors.stream().map(Throwable::getMessage).collect(Collectors.joining(", ")));
  }

  /** Throws when {@code value} is empty. */
  static void requireNonEmpty(String value, String field) {
    if (value.isEmpty()) {
      throw missing(field);
    }
  }
}
