package org.flyte.admin.executor.k8s;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionResponse;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.executor.cluster.ExecutionClusters;
import org.flyte.admin.executor.cluster.ExecutionTarget;
import org.flyte.admin.executor.cluster.TargetSpec;
import org.flyte.admin.executor.resource.FlyteWorkflowFactory;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.flyte.compiler.k8s.json.FlyteWorkflowJson;
import org.flyte.compiler.k8s.model.FlyteWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs executions on Kubernetes: creates each execution's {@code FlyteWorkflow} custom resource in
 * the namespace of its project and domain on the cluster selected for it, where FlytePropeller runs
 * it, and deletes it to abort. Follows {@code K8sWorkflowExecutor} of {@code
 * flyteadmin/pkg/workflowengine/impl/k8s_executor.go} (v1.16.8): a resource that already exists is
 * not an error (a retried create), nor is deleting one that is gone; any other failure, an
 * unreachable cluster included, is {@code INTERNAL} with Flyte's message, after at most the
 * client's timeout.
 */
public final class KubernetesWorkflowExecutor implements WorkflowExecutor {

  /**
   * Where FlyteWorkflow resources live: {@code flyte.lyft.com/v1alpha1}, {@code flyteworkflows}.
   */
  public static final ResourceDefinitionContext FLYTE_WORKFLOWS =
      new ResourceDefinitionContext.Builder()
          .withGroup("flyte.lyft.com")
          .withVersion("v1alpha1")
          .withKind("FlyteWorkflow")
          .withPlural("flyteworkflows")
          .withNamespaced(true)
          .build();

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesWorkflowExecutor.class);

  private final FlyteWorkflowFactory resources;
  private final ExecutionClusters clusters;

  public KubernetesWorkflowExecutor(FlyteWorkflowFactory resources, ExecutionClusters clusters) {
    this.resources = resources;
    this.clusters = clusters;
  }

  @Override
  public ExecutionResponse execute(ExecutionData data) {
    FlyteWorkflow workflow = resources.create(data);
    String label =
        data.parameters().executionClusterLabel() == null
            ? ""
            : data.parameters().executionClusterLabel().getValue();
    ExecutionTarget target;
    try {
      // Flyte looks the cluster label attribute up with the workflow's name as launch plan.
      target =
          clusters.target(
              new TargetSpec(
                  "",
                  data.executionId().getName(),
                  data.executionId().getProject(),
                  data.executionId().getDomain(),
                  data.referenceWorkflowName(),
                  data.referenceWorkflowName(),
                  label));
    } catch (IllegalArgumentException e) {
      throw FlyteException.internal("failed to create workflow in propeller %s", e.getMessage());
    }
    GenericKubernetesResource resource =
        Serialization.unmarshal(FlyteWorkflowJson.write(workflow), GenericKubernetesResource.class);
    try {
      target
          .client()
          .genericKubernetesResources(FLYTE_WORKFLOWS)
          .inNamespace(data.namespace())
          .resource(resource)
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        LOG.debug(
            "failed to create execution {} in cluster {}",
            ProtoText.render(data.executionId()),
            target.id(),
            e);
        throw new FlyteException(
            ErrorCode.INTERNAL, "failed to create workflow in propeller " + describe(e), e);
      }
      LOG.info(
          "execution {} already exists in cluster {}", data.executionId().getName(), target.id());
    }
    return new ExecutionResponse(target.id());
  }

  @Override
  public void abort(AbortData data) {
    ExecutionTarget target;
    try {
      target = clusters.target(TargetSpec.of(data.cluster() == null ? "" : data.cluster()));
    } catch (IllegalArgumentException e) {
      throw FlyteException.internal("%s", e.getMessage());
    }
    try {
      target
          .client()
          .genericKubernetesResources(FLYTE_WORKFLOWS)
          .inNamespace(data.namespace())
          .withName(data.executionId().getName())
          .withPropagationPolicy(DeletionPropagation.BACKGROUND)
          .delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw new FlyteException(
            ErrorCode.INTERNAL,
            "failed to terminate execution: "
                + ProtoText.render(data.executionId())
                + " with err "
                + describe(e),
            e);
      }
    }
  }

  @Override
  public String id() {
    return "k8s";
  }

  private static String describe(KubernetesClientException e) {
    Throwable cause = e.getCause();
    return cause == null || cause.getMessage() == null
        ? e.getMessage()
        : e.getMessage() + ": " + cause.getMessage();
  }
}
