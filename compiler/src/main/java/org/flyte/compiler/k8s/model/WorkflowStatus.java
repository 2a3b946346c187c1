package org.flyte.compiler.k8s.model;

import com.google.gson.JsonObject;
import flyteidl.core.Execution.ExecutionError;
import java.time.Instant;

/**
 * The mutable part of the resource, written by FlytePropeller ({@code v1alpha1.WorkflowStatus});
 * FlyteAdmin creates it with phase 0. Node statuses are kept as JSON.
 *
 * @param phase the workflow phase number ({@code v1alpha1.WorkflowPhase}); 0 is ready
 * @param startedAt when it started; null when not yet
 * @param stoppedAt when it stopped; null when not yet
 * @param lastUpdatedAt when the status last changed; null when never
 * @param message a human-readable message; empty when none
 * @param dataDir where the workflow's data lives; empty when unset
 * @param outputRef where its outputs are written; empty when unset
 * @param nodeStatus node id → status, as JSON; null when none
 * @param failedAttempts how many rounds failed
 * @param error the error the workflow failed with; null when none
 * @param definitionVersion the resource definition version ({@code defVersion}); null when unset
 */
public record WorkflowStatus(
    int phase,
    Instant startedAt,
    Instant stoppedAt,
    Instant lastUpdatedAt,
    String message,
    String dataDir,
    String outputRef,
    JsonObject nodeStatus,
    long failedAttempts,
    ExecutionError error,
    Integer definitionVersion) {

  public WorkflowStatus {
    message = message == null ? "" : message;
    dataDir = dataDir == null ? "" : dataDir;
    outputRef = outputRef == null ? "" : outputRef;
    nodeStatus = nodeStatus == null ? null : nodeStatus.deepCopy();
  }

  /** A new workflow's status: phase 0, nothing else. */
  public static final WorkflowStatus NEW =
      new WorkflowStatus(0, null, null, null, null, null, null, null, 0, null, null);
}
