package org.flyte.admin.service.execution;

import com.google.protobuf.Timestamp;
import flyteidl.admin.ExecutionOuterClass.AbortMetadata;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.ExecutionState;
import flyteidl.admin.ExecutionOuterClass.ExecutionStateChangeDetails;
import flyteidl.admin.ExecutionOuterClass.SystemMetadata;
import flyteidl.core.Execution.WorkflowExecution;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.flyte.admin.repository.execution.ExecutionRow;
import org.jspecify.annotations.Nullable;

/**
 * Rows of {@code executions} as the {@code admin.Execution} clients read. Follows {@code
 * FromExecutionModel} in {@code flyteadmin/pkg/repositories/transformers/execution.go} (v1.16.8):
 * GetExecution fills an empty {@code spec.metadata.system_metadata.namespace}; rows written before
 * state change details existed get {@code ACTIVE} details from the row; an ABORTED row without
 * abort metadata gets it from {@code abort_cause}; lists shorten error messages to their first 100
 * bytes (valid UTF-8) and leave out the deprecated {@code spec.inputs} and {@code
 * closure.computed_inputs}.
 */
final class ExecutionMessages {

  /** The longest error message a list shows (bytes). */
  static final int LIST_ERROR_MESSAGE_BYTES = 100;

  static final Set<WorkflowExecution.Phase> TERMINAL =
      EnumSet.of(
          WorkflowExecution.Phase.SUCCEEDED,
          WorkflowExecution.Phase.FAILED,
          WorkflowExecution.Phase.TIMED_OUT,
          WorkflowExecution.Phase.ABORTED);

  private ExecutionMessages() {}

  /** GetExecution's view of a row: the namespace filled in when the row has none. */
  static Execution forGet(ExecutionRow row, String defaultNamespace) {
    Execution execution = of(row);
    ExecutionSpec spec = execution.getSpec();
    if (!spec.getMetadata().getSystemMetadata().getNamespace().isEmpty()) {
      return execution;
    }
    ExecutionSpec.Builder filled = spec.toBuilder();
    SystemMetadata.Builder system = filled.getMetadataBuilder().getSystemMetadataBuilder();
    system.setNamespace(defaultNamespace);
    return execution.toBuilder().setSpec(filled).build();
  }

  /** ListExecutions' view of a row. */
  static Execution forList(ExecutionRow row) {
    Execution execution = of(row);
    ExecutionClosure.Builder closure = execution.getClosure().toBuilder().clearComputedInputs();
    if (closure.hasError() && !closure.getError().getMessage().isEmpty()) {
      closure
          .getErrorBuilder()
          .setMessage(truncate(closure.getError().getMessage(), LIST_ERROR_MESSAGE_BYTES));
    }
    return execution.toBuilder()
        .setSpec(execution.getSpec().toBuilder().clearInputs())
        .setClosure(closure)
        .build();
  }

  /** A row as it is stored, with the legacy gaps filled. */
  static Execution of(ExecutionRow row) {
    ExecutionClosure.Builder closure = row.closure().toBuilder();
    if (!closure.hasStateChangeDetails()) {
      ExecutionStateChangeDetails.Builder details =
          ExecutionStateChangeDetails.newBuilder()
              .setState(ExecutionState.EXECUTION_ACTIVE)
              .setPrincipal(row.user());
      if (row.createdAt() != null) {
        details.setOccurredAt(timestamp(row.createdAt()));
      }
      closure.setStateChangeDetails(details);
    }
    if (row.phase().equals(WorkflowExecution.Phase.ABORTED.name()) && !closure.hasAbortMetadata()) {
      closure.setAbortMetadata(AbortMetadata.newBuilder().setCause(row.abortCause()));
    }
    return Execution.newBuilder().setId(row.id()).setSpec(row.spec()).setClosure(closure).build();
  }

  /** Whether a row's phase is terminal (SUCCEEDED, FAILED, TIMED_OUT, ABORTED). */
  static boolean isTerminal(String phase) {
    for (WorkflowExecution.Phase terminal : TERMINAL) {
      if (terminal.name().equals(phase)) {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code strings.ToValidUTF8(message[:n], "")}: the first n bytes, broken runes dropped. */
  static String truncate(String message, int bytes) {
    byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= bytes) {
      return message;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.IGNORE)
            .onUnmappableCharacter(CodingErrorAction.IGNORE);
    try {
      CharBuffer decoded = decoder.decode(ByteBuffer.wrap(utf8, 0, bytes));
      return decoded.toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  static @Nullable Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
