package org.flyte.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.Condition.ComparisonExpression;
import flyteidl.core.Condition.ConjunctionExpression;
import flyteidl.core.Condition.Operand;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unique ids, the argument template and branch conditions as propeller computes them. */
class PropellerRulesTest {

  @Test
  void shortIdsStayAndLongOnesBecomeTheirFnvHash() {
    assertThat(UniqueIds.node(null, "n0")).isEqualTo("n0");
    assertThat(UniqueIds.node(new ParentInfo("n1", 0, false), "n0")).isEqualTo("n1-0-n0");
    // FNV-1a 32 of the joined parts, base32 with Flyte's alphabet, prefixed with f
    assertThat(UniqueIds.node(new ParentInfo("n0", 0, false), "a-very-long-node-name"))
        .isEqualTo("fliexe5i");
    assertThat(UniqueIds.fixedLength("abcdefghijklmnopqrstu", 20)).isEqualTo("fbfudxca");
    // child execution names (GetChildWorkflowExecutionIDV2): FNV-1a 64
    assertThat(UniqueIds.forParts64(20, "abcdefghijklmnopqrst", "n0", "0"))
        .isEqualTo("fcowultc6k2jaw");
    assertThat(UniqueIds.forParts64(20, "short", "n0", "0")).isEqualTo("short-n0-0");
    // raw output shards (NewBase36PrefixShardSelector): FNV-1a 32 modulo 36 * 36
    assertThat(UniqueIds.shard("abc-n0-0")).isEqualTo("yz");
    assertThat(UniqueIds.shard("x1234-n3-1")).isEqualTo("ux");
  }

  private static Literal lit(Primitive p) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(p)).build();
  }

  @Test
  void argumentsAreFilledAsPropellerFillsThem() throws Exception {
    LiteralMap inputs =
        LiteralMap.newBuilder()
            .putLiterals("n", lit(Primitive.newBuilder().setInteger(3).build()))
            .putLiterals(
                "xs",
                Literal.newBuilder()
                    .setCollection(
                        LiteralCollection.newBuilder()
                            .addLiterals(lit(Primitive.newBuilder().setStringValue("a").build()))
                            .addLiterals(lit(Primitive.newBuilder().setBoolean(true).build())))
                    .build())
            .build();
    ArgsTemplate t =
        new ArgsTemplate(
            "s3://b/in/inputs.pb",
            "s3://b/in",
            "s3://b/out/0",
            "s3://b/raw/x",
            "",
            "s3://b/raw/x/_flytecheckpoints",
            "1abc-n0-0",
            "ns",
            inputs);

    assertThat(
            t.render(
                List.of(
                    "--inputs",
                    "{{.input}}",
                    "{{ .OutputPrefix }}",
                    "{{$rawOutputDataPrefix}}",
                    "{{.prevCheckpointPrefix}}",
                    "{{.checkpointOutputPrefix}}",
                    "{{.perRetryUniqueKey}}",
                    "{{.inputPrefix}}",
                    "{{.namespace}}",
                    "n={{.inputs.n}} xs={{.Inputs.xs}}")))
        .containsExactly(
            "--inputs",
            "s3://b/in/inputs.pb",
            "s3://b/out/0",
            "s3://b/raw/x",
            "\"\"",
            "s3://b/raw/x/_flytecheckpoints",
            "aabc_n0_0",
            "s3://b/in",
            "ns",
            "n=3 xs=[a,true]");
    assertThatThrownBy(() -> t.render(List.of("{{.inputs.missing}}")))
        .isInstanceOf(NodeFailure.Raised.class)
        .hasMessageContaining("requested input is not found [missing]");
  }

  private static BooleanExpression cmp(
      ComparisonExpression.Operator op, Operand left, Operand right) {
    return BooleanExpression.newBuilder()
        .setComparison(
            ComparisonExpression.newBuilder()
                .setOperator(op)
                .setLeftValue(left)
                .setRightValue(right))
        .build();
  }

  private static Operand var(String name) {
    return Operand.newBuilder().setVar(name).build();
  }

  private static Operand num(double v) {
    return Operand.newBuilder().setPrimitive(Primitive.newBuilder().setFloatValue(v)).build();
  }

  @Test
  void conditionsCompareIntegersWithFloatsAndCombine() throws Exception {
    LiteralMap inputs =
        LiteralMap.newBuilder()
            .putLiterals(".x", lit(Primitive.newBuilder().setInteger(2).build()))
            .build();
    BooleanExpression between =
        BooleanExpression.newBuilder()
            .setConjunction(
                ConjunctionExpression.newBuilder()
                    .setOperator(ConjunctionExpression.LogicalOperator.AND)
                    .setLeftExpression(cmp(ComparisonExpression.Operator.GTE, var(".x"), num(1.5)))
                    .setRightExpression(cmp(ComparisonExpression.Operator.LT, var(".x"), num(2.0))))
            .build();

    assertThat(Conditions.evaluate(between, inputs)).isFalse();
    assertThat(
            Conditions.evaluate(cmp(ComparisonExpression.Operator.EQ, var(".x"), num(2)), inputs))
        .isTrue();
    assertThatThrownBy(
            () ->
                Conditions.evaluate(
                    cmp(ComparisonExpression.Operator.EQ, var(".y"), num(2)), inputs))
        .isInstanceOf(NodeFailure.Raised.class)
        .hasMessageContaining(".y");
  }
}
