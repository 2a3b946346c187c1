package org.flyte.sandbox.executor;

import com.google.protobuf.Timestamp;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Event.WorkflowExecutionEventRequest;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionList;
import flyteidl.admin.ProjectOuterClass.Domain;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.Projects;
import flyteidl.core.Execution.ExecutionError;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.event.Event.WorkflowExecutionEvent;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Ends the executions that a sandbox stopped without warning (killed, the machine went down) left
 * unfinished. The runner keeps its state in memory only, so such an execution cannot resume: at the
 * next start, before the runner takes new work, each execution still in a non-terminal phase is
 * reported {@code FAILED} (or {@code ABORTED}, when it was being aborted) with a reason that says
 * so, through the same events API the runner uses, so that nothing stays {@code RUNNING}.
 */
public final class InterruptedExecutions {

  /** The error code of an execution failed this way. */
  public static final String CODE = "SandboxRestarted";

  /** The error message of an execution failed this way. */
  public static final String MESSAGE =
      "The sandbox stopped while this execution was running (it did not shut down cleanly), and"
          + " executions do not resume after a restart: run it again.";

  private static final String PHASES =
      "value_in(phase,UNDEFINED;QUEUED;RUNNING;SUCCEEDING;FAILING;ABORTING)";

  private static final int PAGE = 100;

  private InterruptedExecutions() {}

  /**
   * Ends every unfinished execution of the sandbox that {@code wiring} reaches, telling {@code
   * progress} about each.
   */
  public static void end(InProcessRunner.Wiring wiring, Consumer<String> progress) {
    ManagedChannel channel =
        Grpc.newChannelBuilder(
                "localhost:" + wiring.adminGrpcPort(), InsecureChannelCredentials.create())
            .build();
    try {
      AdminServiceBlockingStub admin =
          AdminServiceGrpc.newBlockingStub(InProcessRunner.adminChannel(channel, wiring));
      for (Execution execution : end(admin, Clock.systemUTC())) {
        progress.accept(
            "Ended execution %s/%s/%s, left %s by the sandbox's last run"
                .formatted(
                    execution.getId().getProject(),
                    execution.getId().getDomain(),
                    execution.getId().getName(),
                    execution.getClosure().getPhase()));
      }
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * Ends every unfinished execution of every project and domain.
   *
   * @return the executions ended
   */
  public static List<Execution> end(AdminServiceBlockingStub admin, Clock clock) {
    List<Execution> ended = new ArrayList<>();
    for (Project project : projects(admin)) {
      for (Domain domain : project.getDomainsList()) {
        // Ended executions leave the filter, so the first page is asked for again until it is
        // empty.
        List<Execution> page;
        do {
          page = unfinished(admin, project.getId(), domain.getId());
          for (Execution execution : page) {
            end(admin, execution, clock.instant());
            ended.add(execution);
          }
        } while (page.size() == PAGE);
      }
    }
    return ended;
  }

  private static List<Project> projects(AdminServiceBlockingStub admin) {
    List<Project> projects = new ArrayList<>();
    String token = "";
    do {
      Projects page =
          admin.listProjects(
              ProjectListRequest.newBuilder().setLimit(PAGE).setToken(token).build());
      projects.addAll(page.getProjectsList());
      token = page.getToken();
    } while (!token.isEmpty());
    return projects;
  }

  private static List<Execution> unfinished(
      AdminServiceBlockingStub admin, String project, String domain) {
    ExecutionList list =
        admin.listExecutions(
            ResourceListRequest.newBuilder()
                .setId(NamedEntityIdentifier.newBuilder().setProject(project).setDomain(domain))
                .setFilters(PHASES)
                .setLimit(PAGE)
                .build());
    return list.getExecutionsList();
  }

  private static void end(AdminServiceBlockingStub admin, Execution execution, Instant now) {
    boolean aborting = execution.getClosure().getPhase() == WorkflowExecution.Phase.ABORTING;
    WorkflowExecutionEvent.Builder event =
        WorkflowExecutionEvent.newBuilder()
            .setExecutionId(execution.getId())
            .setProducerId("propeller")
            .setOccurredAt(
                Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
    if (aborting) {
      event.setPhase(WorkflowExecution.Phase.ABORTED);
    } else {
      event
          .setPhase(WorkflowExecution.Phase.FAILED)
          .setError(
              ExecutionError.newBuilder()
                  .setCode(CODE)
                  .setMessage(MESSAGE)
                  .setKind(ExecutionError.ErrorKind.SYSTEM));
    }
    try {
      admin.createWorkflowEvent(
          WorkflowExecutionEventRequest.newBuilder()
              .setRequestId(UUID.randomUUID().toString())
              .setEvent(event)
              .build());
    } catch (StatusRuntimeException e) {
      // Ended meanwhile (ALREADY_EXISTS, or FAILED_PRECONDITION for a terminal phase): fine.
      Status.Code code = e.getStatus().getCode();
      if (code != Status.Code.ALREADY_EXISTS && code != Status.Code.FAILED_PRECONDITION) {
        throw e;
      }
    }
  }
}
