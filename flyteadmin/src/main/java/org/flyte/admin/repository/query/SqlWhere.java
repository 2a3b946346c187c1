package org.flyte.admin.repository.query;

import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Turns {@link Filter}s into a SQL {@code WHERE} clause with named parameters for {@code
 * JdbcClient}. Text values are bound untyped (as Flyte's driver sends them), so PostgreSQL casts
 * them to the column's type: {@code eq(state,1)} compares an integer, {@code gte(created_at,
 * 2024-05-01T00:00:00Z)} a timestamp. A value the column cannot take is a data error, reported as
 * INVALID_ARGUMENT by {@link org.flyte.common.persistence.DatabaseErrors}. {@code contains} matches
 * its value literally (Flyte passes {@code %} and {@code _} on as wildcards, so {@code
 * contains(name,%)} matched every row).
 */
public final class SqlWhere {

  private final Map<FilterEntity, String> aliases = new EnumMap<>(FilterEntity.class);
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final String paramPrefix;

  /**
   * @param aliases the SQL alias of each entity the query can reach (the primary table and its
   *     joins)
   */
  public SqlWhere(Map<FilterEntity, String> aliases) {
    this(aliases, "f");
  }

  /**
   * @param aliases as above
   * @param paramPrefix the prefix of the parameter names, so that two clauses can share a statement
   */
  public SqlWhere(Map<FilterEntity, String> aliases, String paramPrefix) {
    this.aliases.putAll(aliases);
    this.paramPrefix = paramPrefix;
  }

  public static SqlWhere of(FilterEntity entity, String alias) {
    return new SqlWhere(Map.of(entity, alias));
  }

  /** Adds every filter (AND). */
  public SqlWhere add(List<Filter> filters) {
    filters.forEach(this::add);
    return this;
  }

  /** Adds one filter (AND). */
  public SqlWhere add(Filter filter) {
    String alias = aliases.get(filter.entity());
    if (alias == null) {
      throw new IllegalArgumentException("no join for " + filter.entity() + " in this query");
    }
    String column = alias + "." + quoted(filter.column());
    if (filter.function().repeated()) {
      List<String> names = new ArrayList<>();
      for (Object value : filter.values()) {
        names.add(":" + param(value));
      }
      conditions.add(
          column + " " + filter.function().operator() + " (" + String.join(", ", names) + ")");
    } else {
      Object value = filter.values().get(0);
      if (filter.function() == FilterFunction.CONTAINS) {
        // the value is matched literally: its LIKE wildcards and escape character are escaped
        value = "%" + escapeLike(String.valueOf(value)) + "%";
      }
      conditions.add(column + " " + filter.function().operator() + " :" + param(value));
    }
    return this;
  }

  /** Adds a condition written by the repository, with its own parameters (AND). */
  public SqlWhere add(String condition, Map<String, ?> conditionParams) {
    conditions.add(condition);
    params.putAll(conditionParams);
    return this;
  }

  /** {@code WHERE a AND b}, or an empty string without conditions. */
  public String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  public Map<String, Object> params() {
    return params;
  }

  /** Whether any condition reaches {@code entity} (joins are added only when needed). */
  public static boolean references(List<Filter> filters, FilterEntity entity) {
    return filters.stream().anyMatch(f -> f.entity() == entity);
  }

  private String param(Object value) {
    String name = paramPrefix + params.size();
    params.put(
        name, value instanceof String text ? new SqlParameterValue(Types.OTHER, text) : value);
    return name;
  }

  /** {@code text} with {@code \\}, {@code %} and {@code _} escaped for LIKE's default escape. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** A column name, quoted when it is a reserved word ({@code user}). */
  static String quoted(String column) {
    return column.equals("user") ? "\"user\"" : column;
  }
}
