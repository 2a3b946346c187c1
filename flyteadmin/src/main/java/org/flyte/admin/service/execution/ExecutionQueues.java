package org.flyte.admin.service.execution;

import flyteidl.admin.MatchableResourceOuterClass.MatchableResource;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Literals.KeyValuePair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.flyte.admin.config.QueuesProperties;
import org.flyte.admin.config.QueuesProperties.ExecutionQueue;
import org.flyte.admin.config.QueuesProperties.WorkflowConfig;
import org.flyte.admin.service.resource.ResourceService;
import org.springframework.stereotype.Component;

/**
 * The dynamic queue of an execution's container tasks. Follows {@code
 * flyteadmin/pkg/manager/impl/executions/queues.go} and {@code populateExecutionQueue} of {@code
 * execution_manager.go} (v1.16.8): the tags of the EXECUTION_QUEUE attribute of the workflow's
 * project, domain and name, else those of the domain's {@code queues.workflowConfigs} entry (else
 * the entry without a domain), select the configured queues; the first tag that selects any picks
 * one of them at random, and every container task gets {@code child_queue = <its name>} in its
 * config.
 */
@Component
class ExecutionQueues {

  static final String CHILD_QUEUE = "child_queue";

  private final ResourceService resources;
  private final QueuesProperties queues;

  ExecutionQueues(ResourceService resources, QueuesProperties queues) {
    this.resources = resources;
    this.queues = queues;
  }

  /** {@code closure} with the chosen queue in its container tasks' config (unchanged if none). */
  CompiledWorkflowClosure assign(Identifier workflow, CompiledWorkflowClosure closure) {
    String queue = queueOf(workflow);
    if (queue.isEmpty()) {
      return closure;
    }
    CompiledWorkflowClosure.Builder builder = closure.toBuilder();
    for (CompiledTask.Builder task : builder.getTasksBuilderList()) {
      if (task.getTemplate().hasContainer()) {
        task.getTemplateBuilder()
            .getContainerBuilder()
            .addConfig(KeyValuePair.newBuilder().setKey(CHILD_QUEUE).setValue(queue));
      }
    }
    return builder.build();
  }

  /** The dynamic queue of executions of {@code workflow}; empty when none is configured. */
  String queueOf(Identifier workflow) {
    Map<String, List<String>> byTag = new HashMap<>();
    for (ExecutionQueue queue : queues.executionQueues()) {
      for (String tag : queue.attributes()) {
        byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(queue.dynamic());
      }
    }
    List<String> attributeTags =
        resources
            .resolve(
                workflow.getProject(),
                workflow.getDomain(),
                workflow.getName(),
                "",
                MatchableResource.EXECUTION_QUEUE)
            .filter(c -> c.getAttributes().hasExecutionQueueAttributes())
            .<List<String>>map(c -> c.getAttributes().getExecutionQueueAttributes().getTagsList())
            .orElse(List.of());
    String chosen = pick(attributeTags, byTag);
    if (chosen != null) {
      return chosen;
    }
    List<String> tags = List.of();
    List<String> defaultTags = List.of();
    for (WorkflowConfig config : queues.workflowConfigs()) {
      if (config.domain().equals(workflow.getDomain())) {
        tags = config.tags();
      } else if (config.domain().isEmpty()) {
        defaultTags = config.tags();
      }
    }
    chosen = pick(tags.isEmpty() ? defaultTags : tags, byTag);
    return chosen == null ? "" : chosen;
  }

  private static String pick(List<String> tags, Map<String, List<String>> byTag) {
    for (String tag : tags) {
      List<String> matches = byTag.get(tag);
      if (matches != null) {
        String queue = matches.get(ThreadLocalRandom.current().nextInt(matches.size()));
        return queue == null ? "" : queue;
      }
    }
    return null;
  }
}
