package org.flyte.compiler.k8s.model;

import flyteidl.core.Types;
import java.util.List;

/**
 * A branch node ({@code v1alpha1.BranchNodeSpec}): the first condition, the others in order, and
 * either an else node or the error to fail with.
 *
 * @param ifBlock the first condition ({@code if})
 * @param elseIf the other conditions in order ({@code elseIf}); empty when none
 * @param elseNode the id of the node run when no condition holds ({@code else}); null when none
 * @param elseFail the error the branch fails with when no condition holds; null when none
 */
public record BranchNodeSpec(
    IfBlock ifBlock, List<IfBlock> elseIf, String elseNode, Types.Error elseFail) {

  public BranchNodeSpec {
    elseIf = elseIf == null ? List.of() : List.copyOf(elseIf);
  }
}
