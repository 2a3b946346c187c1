package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

  private static Map<String, String> match(String template, String rawPath) {
    return PathTemplate.parse(template).match(UrlComponents.pathSegments(rawPath));
  }

  @Test
  void parsesLiteralsVariablesAndVerb() {
    PathTemplate template = PathTemplate.parse("/v1/{name=projects/*/files/**}/x:cancel");

    assertThat(template.variableNames()).containsExactly("name");
    assertThat(template.verb()).isEqualTo("cancel");
    assertThat(template.literalCount()).isEqualTo(4);
    assertThat(template.segments())
        .extracting(PathTemplate.Segment::kind)
        .containsExactly(
            PathTemplate.Kind.LITERAL,
            PathTemplate.Kind.LITERAL,
            PathTemplate.Kind.SINGLE,
            PathTemplate.Kind.LITERAL,
            PathTemplate.Kind.MULTI,
            PathTemplate.Kind.LITERAL);
  }

  @Test
  void nestedFieldVariablesMatchOneSegmentEach() {
    String template = "/api/v1/tasks/{id.project}/{id.domain}/{id.name}/{id.version}";

    assertThat(match(template, "/api/v1/tasks/p/d/n/v"))
        .containsExactly(
            Map.entry("id.project", "p"),
            Map.entry("id.domain", "d"),
            Map.entry("id.name", "n"),
            Map.entry("id.version", "v"));
    assertThat(match(template, "/api/v1/tasks/p/d/n")).isNull();
    assertThat(match(template, "/api/v1/tasks/p/d/n/v/extra")).isNull();
    assertThat(match(template, "/api/v1/workflows/p/d/n/v")).isNull();
  }

  @Test
  void literalOnlyTemplatesMatchExactly() {
    assertThat(match("/api/v1/version", "/api/v1/version")).isEmpty();
    assertThat(match("/api/v1/version", "/api/v1/versions")).isNull();
    assertThat(match("/api/v1/version", "/api/v1/version/")).isNull();
    assertThat(match("/", "/")).isEmpty();
    assertThat(match("/", "/x")).isNull();
  }

  @Test
  void variableValuesArePercentDecodedButPlusStays() {
    assertThat(match("/api/v1/projects/{id}", "/api/v1/projects/a%20b+c%2Fd%3Ae"))
        .containsEntry("id", "a b+c/d:e");
    assertThat(match("/api/v1/projects/{id}", "/api/v1/projects/caf%C3%A9"))
        .containsEntry("id", "café");
  }

  @Test
  void literalsAreComparedAfterDecoding() {
    assertThat(match("/api/v1/version", "/api/v1/%76ersion")).isEmpty();
  }

  @Test
  void malformedEscapesAreRejected() {
    assertThatThrownBy(() -> UrlComponents.pathSegments("/api/v1/projects/%zz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid URL escape \"%zz\"");
    assertThatThrownBy(() -> UrlComponents.pathSegments("/api/v1/projects/%4"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doubleWildcardMatchesZeroOrMoreSegmentsAndKeepsTheTail() {
    String template = "/v1/{path=files/**}/meta";

    assertThat(match(template, "/v1/files/a/b/c/meta")).containsEntry("path", "files/a/b/c");
    assertThat(match(template, "/v1/files/meta")).containsEntry("path", "files");
    assertThat(match(template, "/v1/files/a/b")).isNull();
    assertThat(match("/v1/{rest=**}", "/v1/a/b%2Fc")).containsEntry("rest", "a/b/c");
    assertThat(match("/v1/*/x/**", "/v1/q/x/a/b")).isEmpty();
  }

  @Test
  void variablePatternsSpanSeveralSegments() {
    assertThat(match("/v1/{name=projects/*/tasks/*}", "/v1/projects/p/tasks/t"))
        .containsEntry("name", "projects/p/tasks/t");
    assertThat(match("/v1/{name=projects/*/tasks/*}", "/v1/projects/p/jobs/t")).isNull();
  }

  @Test
  void verbIsSplitOffOnlyWhenTheTemplateHasOne() {
    assertThat(match("/v1/{name}:cancel", "/v1/job-1:cancel")).containsEntry("name", "job-1");
    assertThat(match("/v1/{name}:cancel", "/v1/job-1")).isNull();
    assertThat(match("/v1/{name}:cancel", "/v1/job-1:undo")).isNull();
    assertThat(match("/v1/{name}:cancel", "/v1/:cancel")).isNull();
    assertThat(match("/v1/{name}", "/v1/job-1:cancel")).containsEntry("name", "job-1:cancel");
    assertThat(match("/v1/things:batchGet", "/v1/things:batchGet")).isEmpty();
  }

  @Test
  void emptySegmentsAreValuesLikeInGrpcGateway() {
    assertThat(match("/api/v1/projects/{id}", "/api/v1/projects/")).containsEntry("id", "");
  }

  @Test
  void rejectsMalformedTemplates() {
    for (String bad :
        List.of(
            "api/v1",
            "/v1/{name",
            "/v1/name}",
            "/v1/{a=**}/{b=**}",
            "/v1/x{name}",
            "/v1/{a.}",
            "/v1/{a={b}}",
            "/v1//x",
            "/v1/x:",
            "/v1/{a}/{a}")) {
      assertThatThrownBy(() -> PathTemplate.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid path template");
    }
  }

  @Test
  void mostSpecificOrderingPrefersLiteralsAndIsDeterministic() {
    List<PathTemplate> templates =
        new ArrayList<>(
            List.of(
                PathTemplate.parse("/v1/{a}/{b}"),
                PathTemplate.parse("/v1/**"),
                PathTemplate.parse("/v1/x/{b}"),
                PathTemplate.parse("/v1/{a}/y"),
                PathTemplate.parse("/v1/x/y")));
    for (int i = 0; i < 5; i++) {
      Collections.shuffle(templates);
      templates.sort(PathTemplate.MOST_SPECIFIC_FIRST);
      assertThat(templates)
          .extracting(PathTemplate::toString)
          .containsExactly("/v1/x/y", "/v1/x/{b}", "/v1/{a}/y", "/v1/{a}/{b}", "/v1/**");
    }
  }
}
