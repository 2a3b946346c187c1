package org.flyte.admin.service.execution;

import flyteidl.admin.ClusterAssignmentOuterClass.ClusterAssignment;
import flyteidl.admin.Common.AuthRole;
import flyteidl.admin.Common.Envs;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.MatchableResourceOuterClass.MatchableAttributesConfiguration;
import flyteidl.admin.MatchableResourceOuterClass.MatchableResource;
import flyteidl.admin.MatchableResourceOuterClass.PluginOverride;
import flyteidl.admin.MatchableResourceOuterClass.WorkflowExecutionConfig;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Security.Identity;
import flyteidl.core.Security.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flyte.admin.config.ClusterPoolsProperties;
import org.flyte.admin.config.ExecutionProperties;
import org.flyte.admin.config.FlyteAdminProperties;
import org.flyte.admin.service.resource.ResourceService;
import org.flyte.admin.service.resource.WorkflowExecutionConfigs;
import org.flyte.common.auth.CallerIdentity;
import org.flyte.common.error.FlyteException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The settings an execution gets from its request, its launch plan, the matchable attributes and
 * the platform configuration. Follows {@code getExecutionConfig}, {@code getClusterAssignment} and
 * {@code addPluginOverrides} of {@code flyteadmin/pkg/manager/impl/execution_manager.go} (v1.16.8):
 *
 * <ul>
 *   <li>the workflow execution config is merged field by field, each taken from the first source
 *       that sets it: the request's spec, the launch plan's spec, the most specific
 *       WORKFLOW_EXECUTION_CONFIG attribute of (project, domain, workflow name), the project-level
 *       one again, the deprecated auth role turned into a security context, the platform's {@code
 *       flyteadmin} section; the result always has a security context with a {@code run_as}, whose
 *       empty execution identity becomes the caller's subject;
 *   <li>the cluster pool of the request must agree with the one of the CLUSTER_ASSIGNMENT attribute
 *       (or the domain's {@code clusterPools} entry) when both are set.
 * </ul>
 */
@Component
class ExecutionSettings {

  private final ResourceService resources;
  private final FlyteAdminProperties admin;
  private final ExecutionProperties execution;
  private final ClusterPoolsProperties clusterPools;

  ExecutionSettings(
      ResourceService resources,
      FlyteAdminProperties admin,
      ExecutionProperties execution,
      ClusterPoolsProperties clusterPools) {
    this.resources = resources;
    this.admin = admin;
    this.execution = execution;
    this.clusterPools = clusterPools;
  }

  /**
   * The resolved workflow execution config of an execution of {@code launchPlan} (null for a
   * single-task execution, which skips the launch plan's layer).
   */
  WorkflowExecutionConfig executionConfig(
      ExecutionCreateRequest request, @Nullable LaunchPlan launchPlan) {
    WorkflowExecutionConfig config = fromSpec(request.getSpec());
    String workflowName = "";
    if (launchPlan != null) {
      config = WorkflowExecutionConfigs.merge(config, fromSpec(launchPlan.getSpec()));
      workflowName = launchPlan.getSpec().getWorkflowId().getName();
    }
    config = mergeAttribute(config, request.getProject(), request.getDomain(), workflowName);
    config = mergeAttribute(config, request.getProject(), "", "");
    if (!config.hasSecurityContext()) {
      AuthRole role = authRole(request.getSpec(), launchPlan);
      if (!role.getKubernetesServiceAccount().isEmpty() || !role.getAssumableIamRole().isEmpty()) {
        config =
            config.toBuilder()
                .setSecurityContext(
                    SecurityContext.newBuilder()
                        .setRunAs(
                            Identity.newBuilder()
                                .setIamRole(role.getAssumableIamRole())
                                .setK8SServiceAccount(role.getKubernetesServiceAccount())))
                .build();
      }
    }
    config = WorkflowExecutionConfigs.merge(config, platform());
    WorkflowExecutionConfig.Builder resolved = config.toBuilder();
    Identity.Builder runAs = resolved.getSecurityContextBuilder().getRunAsBuilder();
    if (runAs.getExecutionIdentity().isEmpty()) {
      // The caller, when authenticated (a child execution already carries its parent's).
      runAs.setExecutionIdentity(CallerIdentity.currentSubject());
    }
    return resolved.build();
  }

  /**
   * The cluster pool the execution runs on, or null.
   *
   * @throws FlyteException INVALID_ARGUMENT when the request asks for a pool other than the one
   *     configured for its project and domain
   */
  @Nullable ClusterAssignment clusterAssignment(ExecutionCreateRequest request) {
    ClusterAssignment stored =
        resources
            .resolve(
                request.getProject(),
                request.getDomain(),
                "",
                "",
                MatchableResource.CLUSTER_ASSIGNMENT)
            .map(MatchableAttributesConfiguration::getAttributes)
            .filter(a -> a.hasClusterAssignment())
            .map(a -> a.getClusterAssignment())
            .orElse(null);
    if (stored == null) {
      String pool = clusterPools.poolOf(request.getDomain());
      stored =
          pool.isEmpty() ? null : ClusterAssignment.newBuilder().setClusterPoolName(pool).build();
    }
    ExecutionSpec spec = request.getSpec();
    String requested = spec.getClusterAssignment().getClusterPoolName();
    String configured = stored == null ? "" : stored.getClusterPoolName();
    if (requested.isEmpty()) {
      return stored;
    }
    if (configured.isEmpty()) {
      return spec.getClusterAssignment();
    }
    if (!requested.equals(configured)) {
      throw FlyteException.invalidArgument(
          "execution with project %s and domain %s cannot run on cluster pool %s, because its"
              + " configured to run on pool %s",
          GoStrings.quote(request.getProject()),
          GoStrings.quote(request.getDomain()),
          GoStrings.quote(requested),
          GoStrings.quote(configured));
    }
    return stored;
  }

  /** The PLUGIN_OVERRIDE attribute of the execution's project and domain, workflow, launch plan. */
  List<PluginOverride> pluginOverrides(
      String project, String domain, String workflowName, String launchPlanName) {
    return resources
        .resolve(project, domain, workflowName, launchPlanName, MatchableResource.PLUGIN_OVERRIDE)
        .map(c -> c.getAttributes().getPluginOverrides().getOverridesList())
        .orElse(List.of());
  }

  private WorkflowExecutionConfig mergeAttribute(
      WorkflowExecutionConfig config, String project, String domain, String workflow) {
    Optional<MatchableAttributesConfiguration> attribute =
        resources.resolve(
            project, domain, workflow, "", MatchableResource.WORKFLOW_EXECUTION_CONFIG);
    if (attribute.isPresent() && attribute.get().getAttributes().hasWorkflowExecutionConfig()) {
      return WorkflowExecutionConfigs.merge(
          config, attribute.get().getAttributes().getWorkflowExecutionConfig());
    }
    return config;
  }

  /** The platform's settings, {@code envs} included. */
  private WorkflowExecutionConfig platform() {
    WorkflowExecutionConfig.Builder config = admin.workflowExecutionConfig().toBuilder();
    if (!execution.envs().isEmpty()) {
      Envs.Builder envs = Envs.newBuilder();
      new TreeMap<>(execution.envs())
          .forEach((k, v) -> envs.addValues(KeyValuePair.newBuilder().setKey(k).setValue(v)));
      config.setEnvs(envs);
    }
    return config.build();
  }

  /** The deprecated auth role: the request's, else the launch plan's (in its three spellings). */
  private static AuthRole authRole(ExecutionSpec spec, @Nullable LaunchPlan launchPlan) {
    if (spec.hasAuthRole()) {
      return spec.getAuthRole();
    }
    if (launchPlan == null) {
      return AuthRole.getDefaultInstance();
    }
    LaunchPlanSpec lp = launchPlan.getSpec();
    if (lp.hasAuthRole()) {
      return lp.getAuthRole();
    }
    if (lp.hasAuth()) {
      return AuthRole.newBuilder()
          .setAssumableIamRole(lp.getAuth().getAssumableIamRole())
          .setKubernetesServiceAccount(lp.getAuth().getKubernetesServiceAccount())
          .build();
    }
    if (!lp.getRole().isEmpty()) {
      return AuthRole.newBuilder().setAssumableIamRole(lp.getRole()).build();
    }
    return AuthRole.getDefaultInstance();
  }

  private static WorkflowExecutionConfig fromSpec(ExecutionSpec spec) {
    return config(
        spec.getMaxParallelism(),
        spec.hasSecurityContext() ? spec.getSecurityContext() : null,
        spec.getRawOutputDataConfig(),
        spec.getLabels().getValuesMap(),
        spec.getAnnotations().getValuesMap(),
        spec.hasInterruptible() ? spec.getInterruptible() : null,
        spec.getOverwriteCache(),
        spec.getEnvs());
  }

  private static WorkflowExecutionConfig fromSpec(LaunchPlanSpec spec) {
    return config(
        spec.getMaxParallelism(),
        spec.hasSecurityContext() ? spec.getSecurityContext() : null,
        spec.getRawOutputDataConfig(),
        spec.getLabels().getValuesMap(),
        spec.getAnnotations().getValuesMap(),
        spec.hasInterruptible() ? spec.getInterruptible() : null,
        spec.getOverwriteCache(),
        spec.getEnvs());
  }

  private static WorkflowExecutionConfig config(
      int maxParallelism,
      @Nullable SecurityContext securityContext,
      flyteidl.admin.Common.RawOutputDataConfig rawOutput,
      Map<String, String> labels,
      Map<String, String> annotations,
      com.google.protobuf.@Nullable BoolValue interruptible,
      boolean overwriteCache,
      Envs envs) {
    // An empty config merged with these settings: "set" means what the merge says it means.
    WorkflowExecutionConfig.Builder given =
        WorkflowExecutionConfig.newBuilder()
            .setMaxParallelism(maxParallelism)
            .setRawOutputDataConfig(rawOutput)
            .setOverwriteCache(overwriteCache)
            .setEnvs(envs);
    given.getLabelsBuilder().putAllValues(labels);
    given.getAnnotationsBuilder().putAllValues(annotations);
    if (securityContext != null) {
      given.setSecurityContext(securityContext);
    }
    if (interruptible != null) {
      given.setInterruptible(interruptible);
    }
    return WorkflowExecutionConfigs.merge(
        WorkflowExecutionConfig.getDefaultInstance(), given.build());
  }
}
