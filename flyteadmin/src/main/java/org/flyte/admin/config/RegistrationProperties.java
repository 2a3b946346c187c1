package org.flyte.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flyte's {@code registration} section under {@code flyte.registration}
 * (flyteadmin/pkg/runtime/registration_validation_provider.go, v1.16.8).
 *
 * @param maxWorkflowNodes the most top-level nodes a workflow may have (start and end excluded)
 * @param workflowSizeLimit the largest serialized compiled closure, as a Kubernetes quantity
 *     ({@code 1Mi}); empty means unlimited
 * @param maxLabelEntries the most labels an execution may have; 0 (default) means unchecked
 * @param maxAnnotationEntries the most annotations an execution may have; 0 (default) means
 *     unchecked
 */
@ConfigurationProperties(prefix = "flyte.registration")
public record RegistrationProperties(
    @DefaultValue("100") int maxWorkflowNodes,
    @DefaultValue("") String workflowSizeLimit,
    @DefaultValue("0") int maxLabelEntries,
    @DefaultValue("0") int maxAnnotationEntries) {}
