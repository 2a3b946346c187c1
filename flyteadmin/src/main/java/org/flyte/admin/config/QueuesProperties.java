package org.flyte.admin.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code queues} section under {@code flyte.queues}: dynamic execution queues assigned to
 * the container tasks of an execution. Follows {@code
 * flyteadmin/pkg/runtime/interfaces/queue_configuration.go} (v1.16.8).
 *
 * @param executionQueues the queues, each with the tags ({@code attributes}) that select it
 * @param workflowConfigs the tags of executions of a domain (an entry without a domain is the
 *     default for every other domain)
 */
@ConfigurationProperties(prefix = "flyte.queues")
public record QueuesProperties(
    @DefaultValue List<ExecutionQueue> executionQueues,
    @DefaultValue List<WorkflowConfig> workflowConfigs) {

  /**
   * A queue.
   *
   * @param dynamic the queue's name, given to tasks as their {@code child_queue}
   * @param attributes the tags that select it
   */
  public record ExecutionQueue(String dynamic, @DefaultValue List<String> attributes) {}

  /**
   * The queue tags of a domain's executions.
   *
   * @param domain the domain; empty for every domain without an entry of its own
   * @param tags the tags, tried in order
   */
  public record WorkflowConfig(@DefaultValue("") String domain, @DefaultValue List<String> tags) {}
}
