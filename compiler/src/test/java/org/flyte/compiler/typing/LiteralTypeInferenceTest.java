package org.flyte.compiler.typing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Literal type inference, one table row per case ({@code typing/inference.json}, answered by Flyte
 * v1.16.8; {@code "type": null} means no type can be inferred).
 */
class LiteralTypeInferenceTest {

  @TestFactory
  Stream<DynamicTest> inferenceMatchesFlyte() {
    return StreamSupport.stream(TypingCases.read("inference.json").spliterator(), false)
        .map(JsonObject.class::cast)
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.get("name").getAsString(),
                    () -> {
                      Literal literal =
                          TypingCases.proto(c, "literal", Literal.newBuilder()).build();
                      if (c.get("type").isJsonNull()) {
                        assertThat(LiteralTypeInference.inferType(literal)).isEmpty();
                      } else {
                        assertThat(LiteralTypeInference.inferType(literal))
                            .contains(
                                TypingCases.proto(c, "type", LiteralType.newBuilder()).build());
                      }
                    }));
  }
}
