package org.flyte.compiler.typing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import flyteidl.core.Types.LiteralType;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Type compatibility: every rule of Flyte's {@code AreTypesCastable}, one table row per case
 * ({@code typing/castability.json}, answered by Flyte v1.16.8; where Flyte crashes the row says
 * what we answer instead).
 */
class CastabilityTest {

  @TestFactory
  Stream<DynamicTest> castabilityMatchesFlyte() {
    return StreamSupport.stream(TypingCases.read("castability.json").spliterator(), false)
        .map(JsonObject.class::cast)
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.get("name").getAsString(),
                    () -> {
                      LiteralType up =
                          TypingCases.proto(c, "upstream", LiteralType.newBuilder()).build();
                      LiteralType down =
                          TypingCases.proto(c, "downstream", LiteralType.newBuilder()).build();
                      assertThat(Castability.isCastable(up, down))
                          .isEqualTo(c.get("castable").getAsBoolean());
                    }));
  }

  @Test
  void nothingCastsFromOrToAnUnknownType() {
    LiteralType integer = LiteralType.newBuilder().setSimpleValue(1).build();
    assertThat(Castability.isCastable(null, integer)).isFalse();
    assertThat(Castability.isCastable(integer, null)).isFalse();
  }
}
