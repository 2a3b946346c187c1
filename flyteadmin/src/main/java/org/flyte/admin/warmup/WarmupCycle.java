package org.flyte.admin.warmup;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import io.grpc.stub.StreamObserver;
import java.util.function.BiConsumer;
import org.flyte.admin.api.LaunchPlanGrpcService;
import org.flyte.admin.api.ProjectGrpcService;
import org.flyte.admin.api.TaskGrpcService;
import org.flyte.admin.api.WorkflowGrpcService;
import org.flyte.common.rest.JsonMarshaler;
import org.flyte.common.rest.RestMarshaler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One cycle of the self-warm, in one transaction that is always rolled back: registers a throwaway
 * project, then {@code versions} versions of a task, a workflow of it and a launch plan of that,
 * lists each name's latest page, and encodes every answer as the gRPC edge (binary) and the REST
 * gateway (JSON) would. The calls go through the gRPC services' own methods on this thread, so they
 * join the transaction; nothing is committed, and no metric counts them.
 */
final class WarmupCycle {

  static final String TASK = "flyte.warmup.task";
  static final String WORKFLOW = "flyte.warmup.workflow";
  static final String LAUNCH_PLAN = "flyte.warmup.launch_plan";

  private final ProjectGrpcService projects;
  private final TaskGrpcService tasks;
  private final WorkflowGrpcService workflows;
  private final LaunchPlanGrpcService launchPlans;
  private final TransactionTemplate transactions;
  private final RestMarshaler json =
      JsonMarshaler.protoNames(JsonFormat.TypeRegistry.getEmptyTypeRegistry());

  WarmupCycle(
      ProjectGrpcService projects,
      TaskGrpcService tasks,
      WorkflowGrpcService workflows,
      LaunchPlanGrpcService launchPlans,
      TransactionTemplate transactions) {
    this.projects = projects;
    this.tasks = tasks;
    this.workflows = workflows;
    this.launchPlans = launchPlans;
    this.transactions = transactions;
  }

  /** Runs cycle {@code n} in {@code project} and {@code domain}; returns the calls made. */
  int run(String project, String domain, int n, int versions) {
    Integer calls =
        transactions.execute(
            status -> {
              status.setRollbackOnly();
              int made = 0;
              call(
                  projects::registerProject,
                  ProjectRegisterRequest.newBuilder()
                      .setProject(
                          Project.newBuilder()
                              .setId(project)
                              .setName(project)
                              .setDescription("FlyteAdmin's self-warm (never committed)"))
                      .build());
              made++;
              for (int v = 0; v < versions; v++) {
                String version = "v" + n + "-" + v;
                Identifier task = id(ResourceType.TASK, project, domain, TASK, version);
                Identifier workflow = id(ResourceType.WORKFLOW, project, domain, WORKFLOW, version);
                call(
                    tasks::createTask,
                    TaskCreateRequest.newBuilder()
                        .setId(task)
                        .setSpec(WarmupEntities.task(task))
                        .build());
                call(
                    workflows::createWorkflow,
                    WorkflowCreateRequest.newBuilder()
                        .setId(workflow)
                        .setSpec(WarmupEntities.workflow(workflow, task))
                        .build());
                call(
                    launchPlans::createLaunchPlan,
                    LaunchPlanCreateRequest.newBuilder()
                        .setId(id(ResourceType.LAUNCH_PLAN, project, domain, LAUNCH_PLAN, version))
                        .setSpec(
                            LaunchPlanSpec.newBuilder()
                                .setWorkflowId(workflow)
                                .setDefaultInputs(WarmupEntities.defaultInputs()))
                        .build());
                made += 3;
              }
              encode(call(tasks::listTasks, page(project, domain, TASK)));
              encode(call(workflows::listWorkflows, page(project, domain, WORKFLOW)));
              encode(call(launchPlans::listLaunchPlans, page(project, domain, LAUNCH_PLAN)));
              return made + 3;
            });
    return calls == null ? 0 : calls;
  }

  private void encode(Message message) {
    message.toByteArray();
    try {
      json.marshal(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot encode " + message.getDescriptorForType(), e);
    }
  }

  private static ResourceListRequest page(String project, String domain, String name) {
    return ResourceListRequest.newBuilder()
        .setId(
            NamedEntityIdentifier.newBuilder().setProject(project).setDomain(domain).setName(name))
        .setLimit(25)
        .setSortBy(Sort.newBuilder().setKey("created_at").setDirection(Sort.Direction.DESCENDING))
        .build();
  }

  private static Identifier id(
      ResourceType type, String project, String domain, String name, String version) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject(project)
        .setDomain(domain)
        .setName(name)
        .setVersion(version)
        .build();
  }

  /**
   * Calls a gRPC service method on this thread with its request parsed from its bytes, as the
   * transport would, and returns the answer.
   */
  @SuppressWarnings("unchecked")
  private static <Q extends Message, A extends Message> A call(
      BiConsumer<Q, StreamObserver<A>> method, Q request) {
    Q parsed;
    try {
      parsed = (Q) request.getParserForType().parseFrom(request.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
    Answer<A> answer = new Answer<>();
    method.accept(parsed, answer);
    return answer.value;
  }

  /** The answer of one call; an error is thrown on (the services throw before answering). */
  private static final class Answer<A> implements StreamObserver<A> {
    private A value;

    @Override
    public void onNext(A value) {
      this.value = value;
    }

    @Override
    public void onError(Throwable t) {
      throw new IllegalStateException(t);
    }

    @Override
    public void onCompleted() {}
  }
}
