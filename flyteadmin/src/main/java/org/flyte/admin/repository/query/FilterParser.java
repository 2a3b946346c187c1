package org.flyte.admin.repository.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flyte.common.error.FlyteException;

/**
 * Parses the {@code filters} string of a List request ({@code eq(phase,RUNNING)+gte(created_at,
 * 2024-01-01T00:00:00Z)+value_in(mode,0;1)}) into {@link Filter}s, with Flyte's rules and messages.
 * Follows {@code flyteadmin/pkg/manager/impl/util/filters.go} and {@code pkg/common/filters.go}
 * (v1.16.8):
 *
 * <ul>
 *   <li>expressions are joined by {@code +}; each is matched by the unanchored, greedy pattern
 *       {@code (.+)\((.+),\s?(.+)\)}, so the last comma separates field and value and one space
 *       after it is dropped; {@code ;} always splits a value into a list;
 *   <li>a field is a column of the primary entity or {@code <prefix>.<column>} of an entity the
 *       primary one may join; {@code duration} values are Go durations (a bare number is seconds)
 *       compared as nanoseconds;
 *   <li>execution-keyed entities rename {@code project}, {@code domain}, {@code name} to their
 *       {@code execution_*} columns; named-entity {@code description} and {@code state} live in the
 *       metadata table; {@code admin_tag.name} is {@code execution_tags.key}.
 * </ul>
 *
 * <p>Beyond Flyte, whose unanchored pattern ignores what follows the last {@code )} and lets the
 * database judge every value (answering with its own error text): an expression must be matched as
 * a whole and its value must not close more parentheses than it opens ({@code eq(name,x))} is
 * refused); a value must not hold a NUL byte; a value of a timestamp column ({@code *_at}) must be
 * an ISO 8601 date or date-time; and one request holds at most {@value #MAX_VALUES} values (the
 * database protocol binds at most 65,535 parameters per query).
 */
public final class FilterParser {

  private static final Pattern EXPRESSION = Pattern.compile("(.+)\\((.+),\\s?(.+)\\)");

  /** The most values one request's filters may hold. */
  public static final int MAX_VALUES = 10_000;

  private static final Map<FilterEntity, Set<FilterEntity>> JOINABLE =
      Map.ofEntries(
          Map.entry(
              FilterEntity.EXECUTION,
              EnumSet.of(
                  FilterEntity.EXECUTION,
                  FilterEntity.LAUNCH_PLAN,
                  FilterEntity.WORKFLOW,
                  FilterEntity.TASK,
                  FilterEntity.ADMIN_TAG,
                  FilterEntity.EXECUTION_TAG)),
          Map.entry(
              FilterEntity.LAUNCH_PLAN,
              EnumSet.of(FilterEntity.LAUNCH_PLAN, FilterEntity.WORKFLOW)),
          Map.entry(
              FilterEntity.NODE_EXECUTION,
              EnumSet.of(FilterEntity.NODE_EXECUTION, FilterEntity.EXECUTION)),
          Map.entry(
              FilterEntity.NODE_EXECUTION_EVENT, EnumSet.of(FilterEntity.NODE_EXECUTION_EVENT)),
          Map.entry(FilterEntity.TASK, EnumSet.of(FilterEntity.TASK)),
          Map.entry(
              FilterEntity.TASK_EXECUTION,
              EnumSet.of(
                  FilterEntity.TASK_EXECUTION,
                  FilterEntity.TASK,
                  FilterEntity.EXECUTION,
                  FilterEntity.NODE_EXECUTION)),
          Map.entry(FilterEntity.WORKFLOW, EnumSet.of(FilterEntity.WORKFLOW)),
          Map.entry(
              FilterEntity.NAMED_ENTITY,
              EnumSet.of(FilterEntity.NAMED_ENTITY, FilterEntity.NAMED_ENTITY_METADATA)),
          Map.entry(
              FilterEntity.NAMED_ENTITY_METADATA, EnumSet.of(FilterEntity.NAMED_ENTITY_METADATA)),
          Map.entry(FilterEntity.PROJECT, EnumSet.of(FilterEntity.PROJECT)),
          Map.entry(FilterEntity.SIGNAL, EnumSet.of(FilterEntity.SIGNAL)),
          Map.entry(FilterEntity.ADMIN_TAG, EnumSet.of(FilterEntity.ADMIN_TAG)),
          Map.entry(FilterEntity.EXECUTION_TAG, EnumSet.of(FilterEntity.EXECUTION_TAG)));

  private static final Set<FilterEntity> EXECUTION_KEYED =
      EnumSet.of(
          FilterEntity.EXECUTION,
          FilterEntity.NODE_EXECUTION,
          FilterEntity.NODE_EXECUTION_EVENT,
          FilterEntity.TASK_EXECUTION,
          FilterEntity.SIGNAL);

  private FilterParser() {}

  /**
   * The filters of {@code text} for a list of {@code primary}; an empty list for an empty text.
   *
   * @throws FlyteException INVALID_ARGUMENT naming the problem
   */
  public static List<Filter> parse(String text, FilterEntity primary) {
    List<Filter> filters = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return filters;
    }
    int values = 0;
    for (String expression : text.split("\\+", -1)) {
      Matcher match = EXPRESSION.matcher(expression);
      if (!match.matches() || !balanced(match.group(3))) {
        throw FlyteException.invalidArgument(
            "invalid value for filters: [%s] is not a filter expression such as eq(name,value)",
            expression);
      }
      if (expression.indexOf('\u0000') >= 0) {
        throw FlyteException.invalidArgument(
            "invalid value for filters: [%s] holds a NUL byte",
            expression.replace("\u0000", "\\u0000"));
      }
      Filter filter = filter(match.group(1), match.group(2), match.group(3), primary);
      values += filter.values().size();
      if (values > MAX_VALUES) {
        throw FlyteException.invalidArgument(
            "invalid value for filters: at most %d values may be given, found more", MAX_VALUES);
      }
      filters.add(filter);
    }
    return filters;
  }

  /** Whether no prefix of {@code value} closes more parentheses than it opens. */
  private static boolean balanced(String value) {
    int depth = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether any filter of {@code text} names {@code column} (ListExecutions' state rule). */
  public static boolean mentions(List<Filter> filters, String column) {
    return filters.stream().anyMatch(f -> f.column().equals(column));
  }

  private static Filter filter(String function, String field, String value, FilterEntity primary) {
    FilterEntity entity = primary;
    String column = field;
    for (String prefix : FilterEntity.prefixes()) {
      if (field.startsWith(prefix + ".")) {
        entity = FilterEntity.byPrefix(prefix).orElseThrow();
        column = field.substring(prefix.length() + 1);
        break;
      }
    }
    Set<FilterEntity> joinable = JOINABLE.get(primary);
    if (joinable == null || !joinable.contains(entity)) {
      throw FlyteException.invalidArgument("'%s' entity is not allowed in filters", entity.code());
    }
    if (!entity.hasColumn(column)) {
      throw FlyteException.invalidArgument("'%s.%s' is invalid filter", entity.code(), column);
    }
    List<Object> values = new ArrayList<>();
    for (String single : value.split(";", -1)) {
      if (column.endsWith("_at")) {
        requireTimestamp(field, single);
      }
      values.add(column.equalsIgnoreCase("duration") ? durationNanos(single) : single);
    }
    FilterFunction parsed =
        FilterFunction.byToken(function)
            .orElseThrow(
                () -> FlyteException.invalidArgument("unrecognized filter function: %s", function));
    if (!parsed.repeated() && values.size() != 1) {
      throw FlyteException.invalidArgument(
          "invalid value for filters: %s takes one value, not the list [%s]", function, value);
    }
    return new Filter(renamedEntity(entity, column), renamed(entity, column), parsed, values);
  }

  private static FilterEntity renamedEntity(FilterEntity entity, String column) {
    if (entity == FilterEntity.NAMED_ENTITY
        && (column.equals("description") || column.equals("state"))) {
      return FilterEntity.NAMED_ENTITY_METADATA;
    }
    return entity == FilterEntity.ADMIN_TAG ? FilterEntity.EXECUTION_TAG : entity;
  }

  private static String renamed(FilterEntity entity, String column) {
    if (EXECUTION_KEYED.contains(entity)
        && (column.equals("project") || column.equals("domain") || column.equals("name"))) {
      return "execution_" + column;
    }
    return entity == FilterEntity.ADMIN_TAG && column.equals("name") ? "key" : column;
  }

  /** An ISO 8601 date or date-time, with or without offset ({@code 2024-05-01T00:00:00Z}). */
  private static void requireTimestamp(String field, String value) {
    String text = value.trim().replace(' ', 'T');
    for (java.util.function.Consumer<String> parser :
        List.<java.util.function.Consumer<String>>of(
            java.time.OffsetDateTime::parse,
            java.time.LocalDateTime::parse,
            java.time.LocalDate::parse)) {
      try {
        parser.accept(text);
        return;
      } catch (java.time.format.DateTimeParseException e) {
        // try the next form
      }
    }
    throw FlyteException.invalidArgument(
        "invalid value for filters: [%s] is not a date or time for %s (use RFC 3339, e.g."
            + " 2024-05-01T00:00:00Z)",
        value, field);
  }

  /** A Go duration ({@code 1h30m}, {@code 90s}, {@code 1.5ms}) or a number of seconds, in ns. */
  static long durationNanos(String text) {
    try {
      return new BigDecimal(text).multiply(BigDecimal.valueOf(1_000_000_000L)).longValue();
    } catch (NumberFormatException notANumber) {
      // a Go duration string
    }
    Matcher unit =
        Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)").matcher(text);
    String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    unit.reset(body);
    BigDecimal total = BigDecimal.ZERO;
    int end = 0;
    while (unit.find() && unit.start() == end) {
      total = total.add(new BigDecimal(unit.group(1)).multiply(nanosPer(unit.group(2))));
      end = unit.end();
    }
    if (body.isEmpty() || end != body.length()) {
      throw FlyteException.invalidArgument("Failed to parse duration [%s]", text);
    }
    return (text.startsWith("-") ? total.negate() : total).longValue();
  }

  private static BigDecimal nanosPer(String unit) {
    return BigDecimal.valueOf(
        switch (unit) {
          case "ns" -> 1L;
          case "us", "µs", "μs" -> 1_000L;
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          default -> 3_600_000_000_000L;
        });
  }
}
