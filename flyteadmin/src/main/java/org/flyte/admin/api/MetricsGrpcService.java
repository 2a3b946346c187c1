package org.flyte.admin.api;

import static org.flyte.common.grpc.UnaryReplies.reply;

import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetMetricsRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetMetricsResponse;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.flyte.admin.service.metrics.ExecutionMetricsService;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, its share of execution metrics (Flyte's {@code
 * metrics_manager.go}): GetExecutionMetrics, over REST {@code GET
 * /api/v1/metrics/executions/{id.project}/{id.domain}/{id.name}?depth=N}.
 */
@Component
public class MetricsGrpcService implements AdminServiceGrpc.AsyncService {

  private final ExecutionMetricsService metrics;

  public MetricsGrpcService(ExecutionMetricsService metrics) {
    this.metrics = metrics;
  }

  @Override
  public void getExecutionMetrics(
      WorkflowExecutionGetMetricsRequest request,
      StreamObserver<WorkflowExecutionGetMetricsResponse> responseObserver) {
    reply(responseObserver, metrics.metrics(request));
  }
}
