package org.flyte.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Without the golden data every golden test class reports skipped tests, each with where the data
 * must be, instead of running no test at all (a {@code @TestFactory} that only aborts is counted as
 * nothing: {@code Tests run: 0}).
 */
class GoldenDataAbsentTest {

  private static final List<Class<?>> GOLDEN_TESTS =
      List.of(
          BranchGoldenTest.class,
          BranchFlyteWorkflowGoldenTest.class,
          DynamicGoldenTest.class,
          FlyteWorkflowGoldenTest.class,
          SnacksCoreGoldenTest.class);

  @Test
  void withoutTheDataEachGoldenTestIsSkippedSayingWhereTheDataMustBe(@TempDir Path empty) {
    String configured = System.getProperty(GoldenData.DIR_PROPERTY);
    System.setProperty(GoldenData.DIR_PROPERTY, empty.toString());
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    List<String> reasons = new CopyOnWriteArrayList<>();
    TestExecutionListener skips =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
              reasons.add(result.getThrowable().map(Throwable::getMessage).orElse(""));
            }
          }
        };
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(GOLDEN_TESTS.stream().map(c -> selectClass(c)).toList())
                  .build(),
              summary,
              skips);
    } finally {
      if (configured == null) {
        System.clearProperty(GoldenData.DIR_PROPERTY);
      } else {
        System.setProperty(GoldenData.DIR_PROPERTY, configured);
      }
    }

    TestExecutionSummary result = summary.getSummary();
    assertThat(result.getTestsFailedCount()).isZero();
    assertThat(result.getTestsSucceededCount()).isZero();
    // One per test factory or test method: 4 + 1 in FlyteWorkflowGoldenTest's two.
    assertThat(result.getTestsAbortedCount()).isEqualTo(6);
    assertThat(reasons)
        .hasSize(6)
        .allSatisfy(
            reason ->
                assertThat(reason)
                    .contains("../shared/testdata/compiler")
                    .contains("-D" + GoldenData.DIR_PROPERTY)
                    .contains("flytepropeller/pkg/compiler/test/testdata"));
  }
}
