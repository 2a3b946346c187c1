package org.flyte.admin.repository.query;

import java.util.List;

/**
 * One condition of a list query: {@code <entity>.<column> <function> <values>}. Values are text as
 * the caller wrote them (PostgreSQL casts them to the column's type, as it does for Flyte's
 * queries), except durations, which are nanoseconds ({@link Long}).
 *
 * @param entity the entity whose column is compared (the primary one or a joined one)
 * @param column the column, after Flyte's renames ({@code project} → {@code execution_project} on
 *     execution-keyed entities, {@code admin_tag.name} → {@code execution_tags.key})
 * @param function the comparison
 * @param values one value, or the list of a {@code value_in} / {@code value_not_in}
 */
public record Filter(
    FilterEntity entity, String column, FilterFunction function, List<Object> values) {

  public Filter {
    values = List.copyOf(values);
  }

  /** {@code entity.column = value}, the implicit filters a List RPC adds (project, domain...). */
  public static Filter eq(FilterEntity entity, String column, Object value) {
    return new Filter(entity, column, FilterFunction.EQUAL, List.of(value));
  }

  public static Filter of(
      FilterEntity entity, String column, FilterFunction function, Object... values) {
    return new Filter(entity, column, function, List.of(values));
  }
}
