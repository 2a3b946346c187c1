package org.flyte.admin.executor;

import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;

/**
 * The executor of the app tests: records what it is given and starts nothing. An execution whose
 * cluster label is {@value #UNSUPPORTED_LABEL} fails as Flyte's in-cluster executor fails for any
 * label, and one whose name starts with {@value #FAILING_NAME} fails with INVALID_ARGUMENT, as a
 * workflow the executor cannot build does.
 */
public class RecordingWorkflowExecutor implements WorkflowExecutor {

  /** The cluster every recorded execution is reported on. */
  public static final String CLUSTER = "recording-cluster";

  /** A cluster label this executor refuses. */
  public static final String UNSUPPORTED_LABEL = "unsupported";

  /** Executions whose name starts with this are refused as unbuildable. */
  public static final String FAILING_NAME = "unbuildable";

  private final Map<String, ExecutionData> executed = new ConcurrentHashMap<>();
  private final List<AbortData> aborted = new CopyOnWriteArrayList<>();

  @Override
  public ExecutionResponse execute(ExecutionData data) {
    var label = data.parameters().executionClusterLabel();
    if (label != null && label.getValue().equals(UNSUPPORTED_LABEL)) {
      throw new FlyteException(
          ErrorCode.INTERNAL,
          "failed to create workflow in propeller execution cluster label "
              + label.getValue()
              + " is not supported");
    }
    if (data.executionId().getName().startsWith(FAILING_NAME)) {
      throw FlyteException.invalidArgument("the workflow cannot be built");
    }
    executed.put(key(data.executionId()), data);
    return new ExecutionResponse(CLUSTER);
  }

  @Override
  public void abort(AbortData data) {
    aborted.add(data);
  }

  @Override
  public String id() {
    return "recording";
  }

  /** What the execution {@code id} was started with, or null. */
  public ExecutionData executed(WorkflowExecutionIdentifier id) {
    return executed.get(key(id));
  }

  /** The aborts of executions in {@code project}. */
  public List<AbortData> aborted(String project) {
    return aborted.stream().filter(a -> a.executionId().getProject().equals(project)).toList();
  }

  private static String key(WorkflowExecutionIdentifier id) {
    return id.getProject() + "/" + id.getDomain() + "/" + id.getName();
  }
}
