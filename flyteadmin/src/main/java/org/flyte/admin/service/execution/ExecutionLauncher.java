package org.flyte.admin.service.execution;

import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.time.Clock;
import java.time.Instant;
import org.flyte.admin.executor.ExecutionResponse;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.flyte.admin.service.execution.ExecutionPlanner.Plan;
import org.flyte.admin.service.project.ProjectDomainValidator;
import org.flyte.admin.service.validation.ExecutionRequestValidator;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.ProtoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates an execution: the common path of CreateExecution, RelaunchExecution and RecoverExecution.
 * Follows {@code launchExecutionAndPrepareModel} and {@code createExecutionModel} of {@code
 * flyteadmin/pkg/manager/impl/execution_manager.go} (v1.16.8) for what is validated, computed and
 * recorded, with one deliberate change of order: the row is inserted (claiming the name) before the
 * inputs are written and the executor is called, then completed with the cluster. Flyte writes the
 * inputs and starts the workflow first, so a taken name overwrote the inputs of the execution that
 * had it and started its workflow again before the insert failed; here a taken name is
 * ALREADY_EXISTS with nothing else done, which is also what makes the scheduler's deterministic
 * names safe to retry.
 *
 * <p>When the executor fails, a launch-plan execution is still recorded, FAILED with the error in
 * its closure (USER for INVALID_ARGUMENT, else SYSTEM), and its id returned; a single-task
 * execution is removed again and the error returned, as in Flyte.
 */
@Component
class ExecutionLauncher {

  private static final Logger log = LoggerFactory.getLogger(ExecutionLauncher.class);

  private final ProjectDomainValidator projects;
  private final WorkflowExecutors executors;
  private final ExecutionPlanner planner;
  private final ConcurrencyPolicies concurrency;
  private final ExecutionRepository executions;
  private final ProtoStore store;
  private final Clock clock;

  ExecutionLauncher(
      ProjectDomainValidator projects,
      WorkflowExecutors executors,
      ExecutionPlanner planner,
      ConcurrencyPolicies concurrency,
      ExecutionRepository executions,
      ProtoStore store) {
    this.projects = projects;
    this.executors = executors;
    this.planner = planner;
    this.concurrency = concurrency;
    this.executions = executions;
    this.store = store;
    this.clock = Clock.systemUTC();
  }

  /**
   * Creates the execution {@code request} describes.
   *
   * @param requestedAt when the request arrived (the executor's {@code acceptedAt})
   * @param sourceExecutionRowId the execution relaunched or recovered, 0 for none
   * @return its id
   */
  WorkflowExecutionIdentifier launch(
      ExecutionCreateRequest request, Instant requestedAt, long sourceExecutionRowId) {
    ExecutionRequestValidator.validateCreateNames(request);
    projects.requireActive(request.getProject(), request.getDomain());
    ExecutionRequestValidator.validateCreateSpec(request);
    WorkflowExecutor executor = executors.require();
    Plan plan = planner.plan(request, requestedAt, clock.instant());
    if (!plan.singleTask()) {
      concurrency.check(plan.launchPlan());
    }
    ExecutionRow row = plan.row();
    if (sourceExecutionRowId > 0) {
      row = row.toBuilder().sourceExecutionId(sourceExecutionRowId).build();
    }
    row = executions.insert(row, plan.tags());
    try {
      store.write(planner.dataReference(row.id(), "inputs"), plan.inputs());
      store.write(planner.dataReference(row.id(), "user_inputs"), plan.userInputs());
    } catch (RuntimeException e) {
      executions.delete(row);
      throw new FlyteException(
          ErrorCode.INTERNAL,
          "Failed to write protobuf for [" + row.id().getName() + "] with err: " + e.getMessage(),
          e);
    }
    ExecutionResponse response;
    try {
      response = executor.execute(plan.data());
    } catch (RuntimeException e) {
      log.info("failed to execute workflow for execution {}: {}", row.id().getName(), e.toString());
      if (plan.singleTask()) {
        executions.delete(row);
        throw e;
      }
      executions.update(failed(row, e));
      return row.id();
    }
    ExecutionSpec.Builder spec = row.spec().toBuilder();
    spec.getMetadataBuilder().getSystemMetadataBuilder().setExecutionCluster(response.cluster());
    executions.recordCluster(row.rowId(), response.cluster(), spec.build());
    return row.id();
  }

  /** The row of an execution whose executor failed: FAILED, with the error. */
  static ExecutionRow failed(ExecutionRow row, RuntimeException error) {
    ExecutionError.Builder failure =
        ExecutionError.newBuilder()
            .setCode("Unknown")
            .setMessage(String.valueOf(error.getMessage()))
            .setKind(ExecutionError.ErrorKind.SYSTEM);
    if (error instanceof FlyteException flyte) {
      failure.setCode(goCodeName(flyte.code()));
      if (flyte.code() == ErrorCode.INVALID_ARGUMENT) {
        failure.setKind(ExecutionError.ErrorKind.USER);
      }
    }
    ExecutionClosure closure =
        row.closure().toBuilder()
            .setPhase(WorkflowExecution.Phase.FAILED)
            .setError(failure)
            .build();
    return row.toBuilder()
        .phase(WorkflowExecution.Phase.FAILED.name())
        .closure(closure)
        .error(failure.getKind().name(), failure.getCode())
        .build();
  }

  /**
   * Go's {@code codes.Code.String()}: {@code InvalidArgument}, {@code Internal}, {@code Canceled}.
   */
  static String goCodeName(ErrorCode code) {
    if (code == ErrorCode.CANCELLED) {
      return "Canceled";
    }
    StringBuilder name = new StringBuilder();
    for (String word : code.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return name.toString();
  }
}
