package org.flyte.datacatalog.service.validation;

import datacatalog.Datacatalog.PaginationOptions;
import org.flyte.common.error.FlyteException;

/**
 * Pagination options. Follows {@code
 * datacatalog/pkg/manager/impl/validators/pagination_validator.go} (v1.16.8): the token is a
 * decimal offset (blank means 0), the only sort key is the creation time.
 */
public final class PaginationValidator {

  private PaginationValidator() {}

  public static void validate(PaginationOptions options) {
    offset(options.getToken());
    if (options.getSortKeyValue() != PaginationOptions.SortKey.CREATION_TIME_VALUE) {
      throw FlyteException.invalidArgument("Invalid sort key %s", sortKeyName(options));
    }
    int order = options.getSortOrderValue();
    if (order != PaginationOptions.SortOrder.ASCENDING_VALUE
        && order != PaginationOptions.SortOrder.DESCENDING_VALUE) {
      throw FlyteException.invalidArgument("Invalid sort order %d", order);
    }
  }

  /** The offset a token stands for; blank (spaces only) is 0. */
  public static int offset(String token) {
    if (token.replace(" ", "").isEmpty()) {
      return 0;
    }
    if (!token.chars().allMatch(c -> c >= '0' && c <= '9') || token.length() > 10) {
      throw FlyteException.invalidArgument("Invalid token value: %s", token);
    }
    long value = Long.parseLong(token);
    if (value > Integer.MAX_VALUE) {
      throw FlyteException.invalidArgument("Invalid token value: %s", token);
    }
    return (int) value;
  }

  private static String sortKeyName(PaginationOptions options) {
    return String.valueOf(options.getSortKeyValue());
  }
}
