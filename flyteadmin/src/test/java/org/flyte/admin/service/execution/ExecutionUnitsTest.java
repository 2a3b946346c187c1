package org.flyte.admin.service.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flyteidl.service.Identity.UserInfoResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flyte.admin.config.ExecutionProperties;
import org.flyte.admin.executor.ExecutorNotConfigured;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.common.auth.CallerIdentity;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The small rules of executions that need no app. */
class ExecutionUnitsTest {

  @Test
  void withoutAnExecutorCreatingAnExecutionIsAFailedPreconditionNamingTheConfiguration() {
    DefaultListableBeanFactory none = new DefaultListableBeanFactory();
    WorkflowExecutors executors =
        new WorkflowExecutors(none.getBeanProvider(WorkflowExecutor.class));

    assertThatThrownBy(executors::require)
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
              assertThat(e.getMessage()).isEqualTo(ExecutorNotConfigured.MESSAGE);
            });
  }

  /** Flyte's AdjustOrDefaultResource: request, limit, platform default, platform limit. */
  @ParameterizedTest(name = "{0}/{1} with platform {2}/{3} -> {4}/{5}")
  @CsvSource({
    "0, 0, 2, 4, 2, 2",
    "0, 3, 2, 4, 3, 3",
    "1, 0, 2, 4, 1, 1",
    "8, 16, 2, 4, 4, 4",
    "3, 1, 2, 0, 1, 1",
    "500m, 0, 2, 0, 500m, 500m",
    "0, 0, 0, 0, 0, 0"
  })
  void resourcesAreDefaultedAndCappedAsInFlyte(
      String request,
      String limit,
      String platformDefault,
      String platformLimit,
      String expectedRequest,
      String expectedLimit) {
    Quantity[] adjusted =
        TaskResourceDefaults.adjust(
            TaskResourceDefaults.quantity(request),
            TaskResourceDefaults.quantity(limit),
            TaskResourceDefaults.quantity(platformDefault),
            TaskResourceDefaults.quantity(platformLimit));

    assertThat(adjusted[0].canonical()).isEqualTo(expectedRequest);
    assertThat(adjusted[1].canonical()).isEqualTo(expectedLimit);
  }

  @ParameterizedTest
  @CsvSource({"my_wf.tasks.add, mywftasksadd", "t-1, t-1", "'a.b c', abc"})
  void generatedNodeIdsKeepLettersDigitsAndDashes(String task, String node) {
    assertThat(SkeletonEntities.nodeId(task)).isEqualTo(node);
  }

  @Test
  void generatedNodeIdsKeepTheLast63BytesOfLongTaskNames() {
    String name = "x".repeat(10) + "y".repeat(63);
    assertThat(SkeletonEntities.nodeId(name)).isEqualTo("y".repeat(63));
  }

  @Test
  void generatedNamesAreTwentyCharactersOfTheKubernetesAlphabetAfterAnA() {
    assertThat(ExecutionNames.generate()).matches("a[bcdfghjklmnpqrstvwxz2456789]{19}");
  }

  @Test
  void errorMessagesAreCutToAHundredBytesWithoutBreakingACharacter() {
    assertThat(ExecutionMessages.truncate("x".repeat(99) + "é", 100)).isEqualTo("x".repeat(99));
    assertThat(ExecutionMessages.truncate("short", 100)).isEqualTo("short");
  }

  @Test
  void errorCodesAreNamedAsGoNamesThem() {
    assertThat(ExecutionLauncher.goCodeName(ErrorCode.INVALID_ARGUMENT))
        .isEqualTo("InvalidArgument");
    assertThat(ExecutionLauncher.goCodeName(ErrorCode.INTERNAL)).isEqualTo("Internal");
    assertThat(ExecutionLauncher.goCodeName(ErrorCode.CANCELLED)).isEqualTo("Canceled");
  }

  @Test
  void goQuotesEscapeQuotesAndControlCharacters() {
    assertThat(GoStrings.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\x01\"");
  }

  private static ExecutionProperties identity(boolean inject, String prefix, String... keys) {
    return new ExecutionProperties(2, "", Map.of(), inject, prefix, List.of(keys));
  }

  @Test
  void identityAnnotationsNameTheUserOrTheAppWhenEnabled() {
    CallerIdentity user =
        new CallerIdentity(
            "u-1",
            "",
            Set.of("all"),
            "aud",
            null,
            UserInfoResponse.newBuilder().setSubject("u-1").setEmail("u@example.com").build());
    CallerIdentity app =
        new CallerIdentity(
            "", "ci-bot", Set.of("all"), "aud", null, UserInfoResponse.getDefaultInstance());
    Map<String, String> given = Map.of("flyte.org/user-sub", "kept");

    assertThat(
            IdentityAnnotations.add(given, user, identity(true, "flyte.org", "email", "sub", "x")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("flyte.org/user-sub", "kept", "flyte.org/user-email", "u@example.com"));
    assertThat(IdentityAnnotations.add(Map.of(), app, identity(true, "corp.io", "id", "email")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("corp.io/app-id", "ci-bot", "corp.io/app-email", "ci-bot"));
    assertThat(IdentityAnnotations.add(Map.of(), user, identity(false, "flyte.org", "email")))
        .isEmpty();
    assertThat(IdentityAnnotations.add(Map.of(), user, identity(true, "Not A Domain", "email")))
        .isEmpty();
    assertThat(IdentityAnnotations.add(Map.of(), null, identity(true, "flyte.org", "email")))
        .isEmpty();
  }
}
