package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.Labels;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import io.grpc.Status;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CreateExecution under hostile input: NUL bytes and other text PostgreSQL cannot store, values
 * longer than their columns, nesting deeper than protobuf parses. Each is refused with a client
 * error code and a message of ours (no database text), and nothing is created. (Annotations are not
 * validated, as in Flyte: they live in the spec's bytes, and the Kubernetes API server judges
 * them.)
 */
class ExecutionHostileInputTest extends ExecutionFixtures {

  static Stream<Arguments> hostileRequests() {
    return Stream.of(
        hostile("a NUL in the name", r -> r.setName("ab\u0000c"), Status.Code.INVALID_ARGUMENT),
        hostile("a NUL in the project", r -> r.setProject("p\u0000"), Status.Code.INVALID_ARGUMENT),
        hostile(
            "a NUL in the domain",
            r -> r.setDomain("development\u0000"),
            Status.Code.INVALID_ARGUMENT),
        hostile(
            "a NUL in the launch plan's name",
            r -> r.getSpecBuilder().getLaunchPlanBuilder().setName("lp\u0000"),
            Status.Code.INVALID_ARGUMENT),
        hostile(
            // (its echo in the message stays under grpc-java's 8 KiB of metadata; Flyte cuts
            // messages at 32,000 bytes only, and so does StatusMapper)
            "a launch plan version of 4,000 characters",
            r -> r.getSpecBuilder().getLaunchPlanBuilder().setVersion("v".repeat(4_000)),
            Status.Code.NOT_FOUND),
        hostile(
            "a NUL in a tag",
            r -> r.getSpecBuilder().addTags("t\u0000"),
            Status.Code.INVALID_ARGUMENT),
        hostile(
            "a tag longer than its column (255)",
            r -> r.getSpecBuilder().addTags("t".repeat(300)),
            Status.Code.INVALID_ARGUMENT),
        hostile(
            "a label value of 300 characters",
            r -> r.getSpecBuilder().setLabels(Labels.newBuilder().putValues("k", "v".repeat(300))),
            Status.Code.INVALID_ARGUMENT),
        hostile(
            "a NUL in a label key",
            r -> r.getSpecBuilder().setLabels(Labels.newBuilder().putValues("k\u0000", "v")),
            Status.Code.INVALID_ARGUMENT),
        hostile(
            "a NUL in an input's name",
            r -> r.getInputsBuilder().putLiterals("x\u0000", integerLiteral(1)),
            Status.Code.INVALID_ARGUMENT),
        hostile(
            "a megabyte of text for an integer input",
            r -> r.getInputsBuilder().putLiterals("x", stringLiteral("9".repeat(1 << 20))),
            Status.Code.INVALID_ARGUMENT),
        hostile(
            "an input nested deeper than protobuf parses",
            r -> r.getInputsBuilder().putLiterals("x", nested(200)),
            Status.Code.INVALID_ARGUMENT));
  }

  private static Arguments hostile(
      String what, Consumer<ExecutionCreateRequest.Builder> change, Status.Code code) {
    return Arguments.of(what, change, code);
  }

  private static Literal nested(int depth) {
    Literal literal = integerLiteral(1);
    for (int i = 0; i < depth; i++) {
      literal =
          Literal.newBuilder()
              .setCollection(LiteralCollection.newBuilder().addLiterals(literal))
              .build();
    }
    return literal;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void isRefusedWithAClientErrorAndCreatesNothing(
      String what, Consumer<ExecutionCreateRequest.Builder> change, Status.Code code) {
    ExecutionCreateRequest.Builder builder = request(launchPlan, Map.of()).setName("hostile");
    change.accept(builder);
    ExecutionCreateRequest request = builder.build();

    com.google.rpc.Status status = status(() -> admin.createExecution(request));

    assertThat(Status.fromCodeValue(status.getCode()).getCode())
        .as("%s: %s", what, status.getMessage())
        .isEqualTo(code);
    assertThat(status.getMessage())
        .isNotBlank()
        .doesNotContainIgnoringCase("sql")
        .doesNotContainIgnoringCase("postgres")
        .doesNotContain("ERROR:")
        .doesNotContain("Exception");
    assertThat(
            jdbc.sql("SELECT count(*) FROM executions WHERE execution_project = :p")
                .param("p", project)
                .query(Long.class)
                .single())
        .isZero();
  }
}
