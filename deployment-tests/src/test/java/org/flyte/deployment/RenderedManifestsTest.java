package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every overlay of the charts: {@code helm lint --strict} passes, the committed render under {@code
 * deployment/} equals a fresh one (a stale render fails with the command that rewrites it), and
 * every rendered object reads into its typed Kubernetes model with no unknown field.
 *
 * <p>With {@code -Dflyte.deployment.regenerate=true} ({@code deployment/generate.sh}) the committed
 * renders are rewritten instead of compared.
 */
class RenderedManifestsTest {

  static final boolean REGENERATE = Boolean.getBoolean("flyte.deployment.regenerate");

  @ParameterizedTest
  @EnumSource(Render.class)
  void lintsWithoutFindings(Render render) {
    LintResult lint = Charts.lint(render.chart, render.values);

    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages())
        .as("lint findings beyond the chart icon")
        .allMatch(m -> m.contains("icon is recommended") || m.contains("1 chart(s) linted"));
  }

  @ParameterizedTest
  @EnumSource(Render.class)
  void committedRenderIsCurrent(Render render) throws IOException {
    String fresh = render.render();
    if (REGENERATE) {
      Files.createDirectories(render.committed().getParent());
      Files.writeString(render.committed(), fresh);
      return;
    }
    assertThat(render.committed())
        .as("deployment/%s is missing: run %s", render.file, Render.REGENERATE)
        .exists();
    assertThat(Files.readString(render.committed()))
        .as(
            "deployment/%s is stale (the charts changed): run %s and commit the result",
            render.file, Render.REGENERATE)
        .isEqualTo(fresh);
  }

  @ParameterizedTest
  @EnumSource(Render.class)
  void everyObjectIsAStrictlyTypedKubernetesObject(Render render) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> object : render.objects()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
      String name = object.get("kind") + " " + (metadata == null ? "?" : metadata.get("name"));
      try {
        TypedObjects.unknownFields(object).forEach(p -> problems.add(name + ": " + p));
      } catch (RuntimeException e) {
        problems.add(name + ": " + e.getMessage());
      }
    }

    assertThat(problems).isEmpty();
    assertThat(render.objects()).isNotEmpty();
  }
}
