package org.flyte.compiler.k8s.model;

import flyteidl.core.IdentifierOuterClass.Identifier;

/**
 * A workflow node ({@code v1alpha1.WorkflowNodeSpec}): a launch plan to start as a child execution,
 * or a sub-workflow of the custom resource.
 *
 * @param launchPlanRefId the launch plan ({@code launchPlanRefId}); null when a sub-workflow
 * @param subWorkflowRef the key of the sub-workflow in {@link FlyteWorkflow#subWorkflows()} ({@code
 *     subWorkflowRef}); null when a launch plan
 */
public record WorkflowNodeSpec(Identifier launchPlanRefId, String subWorkflowRef) {}
