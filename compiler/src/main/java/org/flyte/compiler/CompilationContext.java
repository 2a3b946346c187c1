package org.flyte.compiler;

import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flyte.compiler.graph.LaunchPlanInterface;
import org.flyte.compiler.graph.SubWorkflowEntry;
import org.flyte.compiler.graph.TaskEntry;

/**
 * Everything supplied to one {@code compileWorkflow} call, indexed by identifier (Go: the {@code
 * all*} fields of {@code workflowBuilder} in {@code compiler/builders.go}, v1.16.8): tasks (first
 * of equal ids wins), sub-workflows (first wins; duplicates are reported) and launch plans (last
 * wins). Flyte keys its indexes by the text of an identifier; two identifiers have the same text
 * exactly when every field is equal, which is how protobuf messages compare, so the messages
 * themselves are the keys (their hash is computed once).
 */
final class CompilationContext {

  final Map<Identifier, TaskEntry> tasks = new LinkedHashMap<>();
  final Map<Identifier, SubWorkflowEntry> subWorkflows = new LinkedHashMap<>();
  final Map<Identifier, LaunchPlanInterface> launchPlans = new HashMap<>();

  TaskEntry task(Identifier id) {
    return tasks.get(id);
  }

  SubWorkflowEntry subWorkflow(Identifier id) {
    return subWorkflows.get(id);
  }

  LaunchPlanInterface launchPlan(Identifier id) {
    return launchPlans.get(id);
  }
}
