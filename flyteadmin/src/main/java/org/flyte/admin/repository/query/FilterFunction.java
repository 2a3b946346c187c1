package org.flyte.admin.repository.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The functions of the list filter language and the SQL each one becomes. Follows {@code
 * flyteadmin/pkg/common/filters.go} (v1.16.8): {@code contains} wraps its value in {@code %...%},
 * {@code not_like} uses its value verbatim, the {@code value_in} pair takes a {@code ;}-separated
 * list.
 */
public enum FilterFunction {
  CONTAINS("contains", "contains", "LIKE", false),
  NOT_LIKE("not_like", "not like", "NOT LIKE", false),
  GREATER_THAN("gt", "greater than", ">", false),
  GREATER_THAN_OR_EQUAL("gte", "greater than or equal", ">=", false),
  LESS_THAN("lt", "less than", "<", false),
  LESS_THAN_OR_EQUAL("lte", "less than or equal", "<=", false),
  EQUAL("eq", "equal", "=", false),
  NOT_EQUAL("ne", "not equal", "<>", false),
  VALUE_IN("value_in", "value in", "IN", true),
  VALUE_NOT_IN("value_not_in", "value not in", "NOT IN", true);

  private final String token;
  private final String description;
  private final String operator;
  private final boolean repeated;

  FilterFunction(String token, String description, String operator, boolean repeated) {
    this.token = token;
    this.description = description;
    this.operator = operator;
    this.repeated = repeated;
  }

  /** The function as written in a filter string ({@code eq}, {@code value_in}...). */
  public String token() {
    return token;
  }

  /** Flyte's wording in error messages ({@code greater than or equal}). */
  String description() {
    return description;
  }

  String operator() {
    return operator;
  }

  /** Whether the function takes a list of values. */
  public boolean repeated() {
    return repeated;
  }

  static Optional<FilterFunction> byToken(String token) {
    return Arrays.stream(values()).filter(f -> f.token.equals(token)).findFirst();
  }
}
