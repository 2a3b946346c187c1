package org.flyte.compiler.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flyte.compiler.Dsl.*;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.Primitive;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flyte's single-line text rendering, as it appears in keys and error messages. */
class ProtoTextTest {

  @Test
  void rendersFieldsInDeclarationOrderWithGoQuoting() {
    Identifier id =
        Identifier.newBuilder()
            .setResourceType(ResourceType.TASK)
            .setName("a \"b\"\n")
            .setVersion("v")
            .build();
    assertThat(ProtoText.render(id))
        .isEqualTo("resource_type:TASK name:\"a \\\"b\\\"\\n\" version:\"v\"");
    assertThat(ProtoText.render(null)).isEqualTo("<nil>");
    assertThat(ProtoText.render(Identifier.getDefaultInstance())).isEmpty();
  }

  @Test
  void rendersNestedMessagesRepeatedFieldsAndSortedMaps() {
    assertThat(ProtoText.render(list(union(INT, STRING))))
        .isEqualTo(
            "collection_type:{union_type:{variants:{simple:INTEGER} variants:{simple:STRING}}}");
    assertThat(ProtoText.render(vars("b", INT, "a", STRING)))
        .isEqualTo(
            "variables:{key:\"a\" value:{type:{simple:STRING}}}"
                + " variables:{key:\"b\" value:{type:{simple:INTEGER}}}");
  }

  @Test
  void formatsFloatsAsGoDoes() {
    assertThat(ProtoText.render(Primitive.newBuilder().setFloatValue(1.5).build()))
        .isEqualTo("float_value:1.5");
    assertThat(ProtoText.render(Primitive.newBuilder().setFloatValue(1e6).build()))
        .isEqualTo("float_value:1e+06");
    assertThat(ProtoText.render(Primitive.newBuilder().setFloatValue(123456).build()))
        .isEqualTo("float_value:123456");
    assertThat(ProtoText.render(Primitive.newBuilder().setFloatValue(0.00001).build()))
        .isEqualTo("float_value:1e-05");
    assertThat(ProtoText.render(Primitive.newBuilder().setFloatValue(Double.NaN).build()))
        .isEqualTo("float_value:nan");
  }

  @Test
  void literalTypesOfStructsListTheirFields() {
    assertThat(ProtoText.literalType(dataclass(Map.of("y", STRING, "x", INT))))
        .isEqualTo(
            "simple: STRUCT structure{dataclass_type:{key:x value:{simple:INTEGER},"
                + " dataclass_type:{key:y value:{simple:STRING}}");
    assertThat(ProtoText.literalType(null)).isEqualTo("None");
    assertThat(ProtoText.literalType(INT)).isEqualTo("simple:INTEGER");
  }
}
