package org.flyte.runner.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cache keys against the expected values of FlytePropeller's own tests ({@code
 * flytepropeller/pkg/controller/nodes/catalog/datacatalog/transformer_test.go}, v1.16.8).
 */
class CatalogKeyTest {

  private static final Identifier TASK =
      Identifier.newBuilder()
          .setProject("project")
          .setDomain("domain")
          .setName("name")
          .setVersion("1.0.0")
          .build();

  private static final Variable INTEGER =
      Variable.newBuilder().setType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER)).build();

  private static Literal integer(long v) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(v)))
        .build();
  }

  private static LiteralMap ints(int... values) {
    LiteralMap.Builder map = LiteralMap.newBuilder();
    for (int i = 0; i < values.length; i++) {
      map.putLiterals(Integer.toString(i + 1), integer(values[i]));
    }
    return map.build();
  }

  @Test
  void datasetVersionHashesTheInterface() {
    CatalogKey none =
        new CatalogKey(TASK, TypedInterface.getDefaultInstance(), "1.0.0", ints(), List.of());
    CatalogKey two =
        new CatalogKey(
            TASK,
            TypedInterface.newBuilder()
                .setInputs(
                    VariableMap.newBuilder().putVariables("1", INTEGER).putVariables("2", INTEGER))
                .build(),
            "1.0.0",
            ints(),
            List.of());

    assertThat(none.datasetId().getVersion()).isEqualTo("1.0.0-GKw-c0Pw-GKw-c0Pw");
    assertThat(two.datasetId().getVersion()).isEqualTo("1.0.0-UxVtPm0k-GKw-c0Pw");
    assertThat(none.datasetId().getName()).isEqualTo("flyte_task-name");
    assertThat(none.datasetIdentifier().getResourceType().name()).isEqualTo("DATASET");
  }

  @Test
  void tagHashesTheInputsLeavingIgnoredOnesOut() {
    String expected = "flyte_cached-GQid5LjHbakcW68DS3P2jp80QLbiF0olFHF2hTh5bg8";
    TypedInterface none = TypedInterface.getDefaultInstance();

    assertThat(new CatalogKey(TASK, none, "1.0.0", ints(1, 2), List.of()).tagName())
        .isEqualTo(expected);
    assertThat(new CatalogKey(TASK, none, "1.0.0", ints(1, 2, 3), List.of("3")).tagName())
        .isEqualTo(expected);
    assertThat(new CatalogKey(TASK, none, "1.0.0", ints(1, 3), List.of()).tagName())
        .isNotEqualTo(expected);
  }
}
