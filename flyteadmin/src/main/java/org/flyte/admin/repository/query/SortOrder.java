package org.flyte.admin.repository.query;

import flyteidl.admin.Common.Sort;
import java.util.Optional;
import org.flyte.common.error.FlyteException;

/**
 * The {@code sort_by} of a List request: a column of the primary entity and a direction ({@code
 * DESCENDING} is the proto default). Follows {@code flyteadmin/pkg/common/sorting.go} (v1.16.8):
 * joined columns cannot be sorted on; an unknown key is {@code invalid sort key 'x'}.
 *
 * @param column the primary entity's column
 * @param ascending the direction
 */
public record SortOrder(String column, boolean ascending) {

  /** The order of {@code sort}, or empty when the request has no {@code sort_by}. */
  public static Optional<SortOrder> of(Sort sort, FilterEntity primary) {
    if (sort == null || sort.getKey().isEmpty()) {
      return Optional.empty();
    }
    if (!primary.hasColumn(sort.getKey())) {
      throw FlyteException.invalidArgument("invalid sort key '%s'", sort.getKey());
    }
    return Optional.of(
        new SortOrder(sort.getKey(), sort.getDirection() == Sort.Direction.ASCENDING));
  }

  /** {@code alias.column ASC|DESC}. */
  public String sql(String alias) {
    return alias + "." + SqlWhere.quoted(column) + (ascending ? " ASC" : " DESC");
  }
}
