package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM defaults for small pods (docs/adr/0033-memory-footprint.md) are the same in each image
 * and in the chart, which replaces the image's {@code JAVA_TOOL_OPTIONS}: an operator gets them
 * either way, and the heap follows the container's memory limit.
 */
class JvmOptionsTest {

  private static final Pattern IMAGE_OPTIONS =
      Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"");

  private static final Pattern CHART_OPTIONS =
      Pattern.compile(
          "name: JAVA_TOOL_OPTIONS\\s+value: \\{\\{ \\.Values\\.common\\.javaToolOptions \\| default"
              + " \"([^\"]+)\"");

  @ParameterizedTest
  @ValueSource(strings = {"flyteadmin", "datacatalog", "flytescheduler"})
  void theImageAndTheChartSetTheSameJvmOptions(String app) throws Exception {
    String dockerfile = Files.readString(Charts.ROOT.resolve(app).resolve("Dockerfile"));
    String helpers = Files.readString(Charts.CORE.resolve("templates/_helpers.tpl"));
    Matcher image = IMAGE_OPTIONS.matcher(dockerfile);
    Matcher chart = CHART_OPTIONS.matcher(helpers);
    assertThat(image.find()).as("%s/Dockerfile sets JAVA_TOOL_OPTIONS", app).isTrue();
    assertThat(chart.find()).as("the chart's default JAVA_TOOL_OPTIONS").isTrue();

    assertThat(image.group(1)).isEqualTo(chart.group(1));
    assertThat(image.group(1).split(" "))
        .contains(
            "-XX:+UseSerialGC",
            "-XX:MaxRAMPercentage=25",
            "-XX:TrimNativeHeapInterval=5000",
            "-XX:+ExitOnOutOfMemoryError")
        .noneMatch(option -> option.startsWith("-Xmx") || option.startsWith("-Xms"));
    assertThat(dockerfile).contains("MALLOC_ARENA_MAX=2");
    assertThat(helpers).contains("- name: MALLOC_ARENA_MAX\n  value: \"2\"");
  }

  /**
   * FlyteScheduler alone runs on the JIT's first tier (docs/adr/0042-jit-tiers-at-start-up.md): its
   * image puts {@code -XX:TieredStopAtLevel=1} in {@code JAVA_OPTS}, which the launcher passes and
   * the chart leaves alone; FlyteAdmin and DataCatalog keep the optimising compiler for their
   * per-call floor.
   */
  @ParameterizedTest
  @ValueSource(strings = {"flyteadmin", "datacatalog", "flytescheduler"})
  void onlyTheSchedulerStopsAtTheFirstJitTier(String app) throws Exception {
    String dockerfile = Files.readString(Charts.ROOT.resolve(app).resolve("Dockerfile"));
    assertThat(dockerfile).contains("$JAVA_OPTS -jar /app/app.jar");
    if (app.equals("flytescheduler")) {
      assertThat(dockerfile).contains("ENV JAVA_OPTS=\"-XX:TieredStopAtLevel=1\"");
    } else {
      assertThat(dockerfile).doesNotContain("ENV JAVA_OPTS").doesNotContain("TieredStopAtLevel");
    }
    try (var templates = Files.walk(Charts.CORE.resolve("templates"))) {
      assertThat(templates.filter(Files::isRegularFile))
          .allSatisfy(
              template -> assertThat(Files.readString(template)).doesNotContain("JAVA_OPTS"));
    }
  }
}
