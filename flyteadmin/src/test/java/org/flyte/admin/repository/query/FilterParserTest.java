package org.flyte.admin.repository.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flyteidl.admin.Common.Sort;
import java.util.List;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {

  @Test
  void parsesExpressionsJoinedByPlus() {
    List<Filter> filters =
        FilterParser.parse(
            "eq(name,wf)+gte(created_at,2024-01-01T00:00:00Z)+value_in(state,0;1)",
            FilterEntity.LAUNCH_PLAN);

    assertThat(filters)
        .containsExactly(
            Filter.of(FilterEntity.LAUNCH_PLAN, "name", FilterFunction.EQUAL, "wf"),
            Filter.of(
                FilterEntity.LAUNCH_PLAN,
                "created_at",
                FilterFunction.GREATER_THAN_OR_EQUAL,
                "2024-01-01T00:00:00Z"),
            Filter.of(FilterEntity.LAUNCH_PLAN, "state", FilterFunction.VALUE_IN, "0", "1"));
  }

  @Test
  void oneSpaceAfterTheCommaIsDroppedAndTheLastCommaSplitsFieldAndValue() {
    assertThat(FilterParser.parse("eq(project, flytesnacks)", FilterEntity.TASK))
        .containsExactly(Filter.eq(FilterEntity.TASK, "project", "flytesnacks"));
    assertThat(FilterParser.parse("eq(name,  two)", FilterEntity.TASK))
        .containsExactly(Filter.eq(FilterEntity.TASK, "name", " two"));
    assertThatThrownBy(() -> FilterParser.parse("eq(name,a,b)", FilterEntity.TASK))
        .hasMessage("'t.name,a' is invalid filter");
  }

  @Test
  void joinedEntitiesByPrefixAndFlytesRenames() {
    assertThat(FilterParser.parse("eq(workflow.name,wf)", FilterEntity.LAUNCH_PLAN))
        .containsExactly(Filter.eq(FilterEntity.WORKFLOW, "name", "wf"));
    assertThat(FilterParser.parse("eq(state,1)", FilterEntity.NAMED_ENTITY))
        .containsExactly(Filter.eq(FilterEntity.NAMED_ENTITY_METADATA, "state", "1"));
    assertThat(FilterParser.parse("eq(admin_tag.name,k)", FilterEntity.EXECUTION))
        .containsExactly(Filter.eq(FilterEntity.EXECUTION_TAG, "key", "k"));
    assertThat(FilterParser.parse("eq(name,n)", FilterEntity.TASK_EXECUTION))
        .containsExactly(Filter.eq(FilterEntity.TASK_EXECUTION, "execution_name", "n"));
    assertThat(FilterParser.parse("contains(description,x)", FilterEntity.PROJECT))
        .containsExactly(
            Filter.of(FilterEntity.PROJECT, "description", FilterFunction.CONTAINS, "x"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "eq(name)|invalid value for filters: [eq(name)] is not a filter expression such as"
            + " eq(name,value)",
        "foo(name,x)|unrecognized filter function: foo",
        "eq(execution.name,x)|'e' entity is not allowed in filters",
        "eq(colour,red)|'t.colour' is invalid filter",
        "eq(name,a;b)|invalid value for filters: eq takes one value, not the list [a;b]",
        "eq(name,x)+|invalid value for filters: [] is not a filter expression such as"
            + " eq(name,value)",
      })
  void badFiltersAreInvalidArgumentsNamingTheProblem(String filters, String message) {
    assertThatThrownBy(() -> FilterParser.parse(filters, FilterEntity.TASK))
        .isInstanceOfSatisfying(
            FlyteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({
    "600,600000000000",
    "1.5,1500000000",
    "1h30m,5400000000000",
    "90s,90000000000",
    "1.5ms,1500000",
    "-2m,-120000000000"
  })
  void durationsAreNanoseconds(String text, long nanos) {
    assertThat(FilterParser.durationNanos(text)).isEqualTo(nanos);
  }

  @Test
  void aBadDurationIsRefused() {
    assertThatThrownBy(() -> FilterParser.parse("gt(duration,ten)", FilterEntity.EXECUTION))
        .hasMessage("Failed to parse duration [ten]");
  }

  @Test
  void sortKeysMustBePrimaryColumns() {
    assertThat(SortOrder.of(Sort.newBuilder().setKey("created_at").build(), FilterEntity.WORKFLOW))
        .contains(new SortOrder("created_at", false));
    assertThat(
            SortOrder.of(
                Sort.newBuilder().setKey("name").setDirection(Sort.Direction.ASCENDING).build(),
                FilterEntity.WORKFLOW))
        .contains(new SortOrder("name", true));
    assertThat(SortOrder.of(Sort.getDefaultInstance(), FilterEntity.WORKFLOW)).isEmpty();
    assertThatThrownBy(
            () ->
                SortOrder.of(
                    Sort.newBuilder().setKey("created_at").build(), FilterEntity.NAMED_ENTITY))
        .hasMessage("invalid sort key 'created_at'");
  }

  @Test
  void tokensAreOffsetsAndANextTokenComesOnlyWithAFullPage() {
    PageRequest page = PageRequest.of(10, "20", "ListTasks");
    assertThat(page.offset()).isEqualTo(20);
    assertThat(page.nextToken(10)).isEqualTo("30");
    assertThat(page.nextToken(9)).isEmpty();
    assertThat(PageRequest.of(5, "", "ListTasks").offset()).isZero();
    assertThatThrownBy(() -> PageRequest.of(0, "", "ListTasks"))
        .hasMessage("invalid value for limit");
    assertThatThrownBy(() -> PageRequest.of(1, "x", "ListTasks"))
        .hasMessage("invalid pagination token x for ListTasks");
    assertThatThrownBy(() -> PageRequest.of(1, "-1", "ListTasks"))
        .hasMessage("Invalid token value: -1");
    assertThat(PageRequest.unlimitedWhenZero(0, "", "ListProjects").sql()).isEmpty();
  }

  @Test
  void sqlBindsEachValueAndWrapsContains() {
    SqlWhere where =
        new SqlWhere(java.util.Map.of(FilterEntity.LAUNCH_PLAN, "l", FilterEntity.WORKFLOW, "w"))
            .add(
                FilterParser.parse(
                    "eq(workflow.name,wf)+contains(name,x)+value_not_in(state,0;1)",
                    FilterEntity.LAUNCH_PLAN));

    assertThat(where.sql())
        .isEqualTo(" WHERE w.name = :f0 AND l.name LIKE :f1 AND l.state NOT IN (:f2, :f3)");
    assertThat(where.params()).hasSize(4);
    assertThat(
            ((org.springframework.jdbc.core.SqlParameterValue) where.params().get("f1")).getValue())
        .isEqualTo("%x%");
  }
}
