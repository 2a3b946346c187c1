package org.flyte.admin.service.event;

import flyteidl.admin.Event.EventErrorAlreadyInTerminalState;
import flyteidl.admin.Event.EventErrorIncompatibleCluster;
import flyteidl.admin.Event.EventFailureReason;
import java.util.List;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;

/**
 * The typed failures FlytePropeller acts on. Follows {@code NewAlreadyInTerminalStateError} and
 * {@code NewIncompatibleClusterError} of {@code flyteadmin/pkg/errors/errors.go} and {@code
 * ValidateCluster} of {@code flyteadmin/pkg/manager/impl/validation/shared_execution.go} (Flyte
 * v1.16.8): FAILED_PRECONDITION with an {@code EventFailureReason} detail, which propeller's {@code
 * events/errors} reads.
 */
public final class EventFailures {

  /** The producer id old propellers hard-code; like an empty one it matches any cluster. */
  public static final String DEFAULT_PRODUCER_ID = "propeller";

  private EventFailures() {}

  public static FlyteException alreadyInTerminalState(String message, String phase) {
    return new FlyteException(
        ErrorCode.FAILED_PRECONDITION,
        message,
        List.of(
            EventFailureReason.newBuilder()
                .setAlreadyInTerminalState(
                    EventErrorAlreadyInTerminalState.newBuilder().setCurrentPhase(phase))
                .build()));
  }

  public static FlyteException incompatibleCluster(String message, String cluster) {
    return new FlyteException(
        ErrorCode.FAILED_PRECONDITION,
        message,
        List.of(
            EventFailureReason.newBuilder()
                .setIncompatibleCluster(
                    EventErrorIncompatibleCluster.newBuilder().setCluster(cluster))
                .build()));
  }

  /** Whether a producer id says nothing about the cluster (empty or the default). */
  public static boolean anyCluster(String producerId) {
    return producerId.isEmpty() || producerId.equals(DEFAULT_PRODUCER_ID);
  }

  /**
   * {@code ValidateCluster}: an event from a named cluster must come from the execution's.
   *
   * @throws FlyteException FAILED_PRECONDITION with {@code incompatible_cluster} naming the event's
   *     producer
   */
  public static void checkCluster(String clusterInDb, String producerId) {
    if (anyCluster(producerId) || producerId.equals(clusterInDb)) {
      return;
    }
    throw incompatibleCluster(
        String.format(
            "Cluster/producer from event [%s] does not match existing workflow execution"
                + " clusterInDB: [%s]",
            producerId, clusterInDb),
        producerId);
  }
}
