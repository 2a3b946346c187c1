package org.flyte.datacatalog.propeller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flyte.datacatalog.app.CatalogFixtures.integer;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our propeller-side key derivation against the expected values of FlytePropeller's own tests
 * ({@code transformer_test.go}, v1.16.8): the same dataset versions and tag names, byte for byte.
 */
class CacheKeyTest {

  private static final Identifier TASK =
      Identifier.newBuilder()
          .setProject("project")
          .setDomain("domain")
          .setName("name")
          .setVersion("1.0.0")
          .build();

  private static final Variable INTEGER =
      Variable.newBuilder().setType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER)).build();

  private static CacheKey key(
      TypedInterface taskInterface, LiteralMap inputs, List<String> ignore) {
    return new CacheKey(TASK, taskInterface, "1.0.0", inputs, ignore);
  }

  private static LiteralMap ints(int... values) {
    LiteralMap.Builder map = LiteralMap.newBuilder();
    for (int i = 0; i < values.length; i++) {
      map.putLiterals(Integer.toString(i + 1), integer(values[i]));
    }
    return map.build();
  }

  @Test
  void anInterfaceWithoutVariablesHashesAsTheEmptyMap() {
    CacheKey absent = key(TypedInterface.getDefaultInstance(), ints(), List.of());
    CacheKey empty =
        key(
            TypedInterface.newBuilder()
                .setInputs(VariableMap.getDefaultInstance())
                .setOutputs(VariableMap.getDefaultInstance())
                .build(),
            ints(),
            List.of());

    assertThat(absent.datasetId().getVersion()).isEqualTo("1.0.0-GKw-c0Pw-GKw-c0Pw");
    assertThat(empty.datasetId()).isEqualTo(absent.datasetId());
    assertThat(absent.datasetId().getName()).isEqualTo("flyte_task-name");
    assertThat(absent.datasetId().getProject()).isEqualTo("project");
  }

  @Test
  void theVersionDependsOnTheInterfaceNotOnMapOrder() {
    TypedInterface twoInputs =
        TypedInterface.newBuilder()
            .setInputs(
                VariableMap.newBuilder().putVariables("1", INTEGER).putVariables("2", INTEGER))
            .build();
    TypedInterface reversed =
        TypedInterface.newBuilder()
            .setInputs(
                VariableMap.newBuilder().putVariables("2", INTEGER).putVariables("1", INTEGER))
            .build();

    assertThat(key(twoInputs, ints(), List.of()).datasetId().getVersion())
        .isEqualTo("1.0.0-UxVtPm0k-GKw-c0Pw");
    assertThat(key(reversed, ints(), List.of()).datasetId().getVersion())
        .isEqualTo("1.0.0-UxVtPm0k-GKw-c0Pw");
  }

  @Test
  void theTagIsTheHashOfTheInputsWithoutIgnoredOnes() {
    assertThat(key(TypedInterface.getDefaultInstance(), ints(1, 2), List.of()).tagName())
        .isEqualTo("flyte_cached-GQid5LjHbakcW68DS3P2jp80QLbiF0olFHF2hTh5bg8");
    assertThat(key(TypedInterface.getDefaultInstance(), ints(1, 2, 3), List.of("3")).tagName())
        .isEqualTo("flyte_cached-GQid5LjHbakcW68DS3P2jp80QLbiF0olFHF2hTh5bg8");
    assertThat(key(TypedInterface.getDefaultInstance(), ints(1, 3), List.of()).tagName())
        .isNotEqualTo("flyte_cached-GQid5LjHbakcW68DS3P2jp80QLbiF0olFHF2hTh5bg8");
  }

  @Test
  void aLiteralWithAHashIsKeyedByItsHashAlone() {
    Literal offloaded = integer(1).toBuilder().setHash("abc").build();
    Literal other = integer(99).toBuilder().setHash("abc").build();
    LiteralMap first = LiteralMap.newBuilder().putLiterals("df", offloaded).build();
    LiteralMap second = LiteralMap.newBuilder().putLiterals("df", other).build();

    assertThat(key(TypedInterface.getDefaultInstance(), first, List.of()).tagName())
        .isEqualTo(key(TypedInterface.getDefaultInstance(), second, List.of()).tagName());
  }

  @Test
  void anEmptyCacheVersionIsAnError() {
    CacheKey blank =
        new CacheKey(TASK, TypedInterface.getDefaultInstance(), "  ", ints(), List.of());

    assertThatThrownBy(blank::datasetId).isInstanceOf(IllegalArgumentException.class);
  }
}
