package org.flyte.admin.executor.resource;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys of Flyte's {@code flyteadmin} section that shape the {@code FlyteWorkflow} custom
 * resource, under {@code flyte.flyteadmin}. Follows {@code
 * flyteadmin/pkg/runtime/interfaces/application_configuration.go} (v1.16.8).
 *
 * @param useOffloadedWorkflowClosure leave the compiled workflow out of the resource and point
 *     {@code workflowClosureReference} at the stored closure (smaller resources; propeller reads
 *     the closure from storage); default false
 * @param useOffloadedInputs leave the inputs out and point {@code offloadedInputs} at the stored
 *     inputs; default false
 * @param consoleUrl FlyteConsole's URL, written into the resource for propeller's links; default
 *     none
 */
@ConfigurationProperties(prefix = "flyte.flyteadmin")
public record CustomResourceProperties(
    boolean useOffloadedWorkflowClosure, boolean useOffloadedInputs, String consoleUrl) {

  public CustomResourceProperties {
    consoleUrl = consoleUrl == null ? "" : consoleUrl;
  }
}
