package org.flyte.compiler.typing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Promise variable syntax, with Flyte's lenient single-match rule. */
class VariableNameTest {

  @Test
  void parsesNamesAndIndexedNames() {
    assertThat(VariableName.parse("o0")).isEqualTo(new VariableName("o0", null));
    assertThat(VariableName.parse("[3].o0")).isEqualTo(new VariableName("o0", 3L));
  }

  @Test
  void acceptsExactlyOneMatchAnywhere() {
    assertThat(VariableName.parse("o0!")).isEqualTo(new VariableName("o0", null));
    assertThat(VariableName.parse("a.b")).isNull();
    assertThat(VariableName.parse("my-var")).isNull();
    assertThat(VariableName.parse("")).isNull();
    assertThat(VariableName.parse("[99999999999].o"))
        .isEqualTo(new VariableName("o", 99999999999L));
    assertThat(VariableName.parse("[99999999999999999999].o")).isNull();
  }
}
