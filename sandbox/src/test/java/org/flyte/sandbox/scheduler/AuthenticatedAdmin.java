package org.flyte.sandbox.scheduler;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionList;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ScheduleOuterClass.CronSchedule;
import flyteidl.admin.ScheduleOuterClass.FixedRate;
import flyteidl.admin.ScheduleOuterClass.FixedRateUnit;
import flyteidl.admin.ScheduleOuterClass.Schedule;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.RuntimeMetadata;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.OutputReference;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.TaskNode;
import flyteidl.core.Workflow.WorkflowMetadata;
import flyteidl.core.Workflow.WorkflowTemplate;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flyte.admin.FlyteAdminApplication;
import org.flyte.common.auth.client.AdminAuthProperties;
import org.flyte.common.auth.client.AdminAuthentication;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.flyte.sandbox.SandboxAuth;
import org.flyte.sandbox.SandboxSettings;
import org.flyte.testing.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real FlyteAdmin app with authentication on (the sandbox's built-in authorization server and
 * its confidential client {@code flytepropeller}) and a {@link HoldingWorkflowExecutor}, on a fresh
 * database of the test PostgreSQL; a client that authenticates as the scheduler does; and what the
 * tests register: per project a workflow {@code wf(kickoff: datetime)}, and launch plans with a
 * one-minute fixed rate or the cron {@code * * * * *} whose kickoff-time argument is {@code
 * kickoff}.
 */
final class AuthenticatedAdmin implements AutoCloseable {

  static final String DOMAIN = "development";
  static final String VERSION = "v1";
  static final String KICKOFF = "kickoff";

  final String dbname = TestPostgres.createDatabase();
  final HoldingWorkflowExecutor executor = new HoldingWorkflowExecutor();
  final SandboxAuth auth;
  private final ConfigurableApplicationContext app;
  private final ManagedChannel transport;
  private final ManagedChannel anonymous;
  final AdminServiceGrpc.AdminServiceBlockingStub client;
  final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource(dbname));

  AuthenticatedAdmin(Path dir) throws IOException {
    int httpPort = freePort();
    auth = SandboxAuth.prepare(new SandboxSettings(dir, httpPort, 0, 0, 0, 0, 0));
    List<String> args = new ArrayList<>();
    for (String property : TestPostgres.properties(dbname)) {
      args.add("--" + property);
    }
    args.addAll(
        List.of(
            "--server.port=" + httpPort,
            "--flyte.server.httpPort=" + httpPort,
            "--spring.grpc.server.port=0",
            "--flyte.server.grpc.port=0",
            "--flyte.storage.type=mem",
            "--flyte.storage.container=flyte",
            "--flyte.flyteadmin.warmup.enabled=false",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN"));
    args.addAll(auth.adminArgs());
    app =
        FlyteAdminApplication.builder()
            .initializers(
                context -> context.getBeanFactory().registerSingleton("holdingExecutor", executor))
            .run(args.toArray(String[]::new));
    transport = Grpc.newChannelBuilder(endpoint(), InsecureChannelCredentials.create()).build();
    anonymous = Grpc.newChannelBuilder(endpoint(), InsecureChannelCredentials.create()).build();
    Channel authenticated = AdminAuthentication.authenticate(transport, credentials());
    client = AdminServiceGrpc.newBlockingStub(authenticated);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Admin's gRPC address. */
  String endpoint() {
    return "localhost:"
        + app.getEnvironment()
            .getRequiredProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY, Integer.class);
  }

  /** A stub without credentials. */
  AdminServiceGrpc.AdminServiceBlockingStub anonymousClient() {
    return AdminServiceGrpc.newBlockingStub(anonymous);
  }

  private AdminAuthProperties credentials() {
    AdminAuthProperties d = AdminAuthProperties.defaults();
    return new AdminAuthProperties(
        d.authType(),
        SandboxAuth.CLIENT_ID,
        auth.clientSecretFile(),
        "",
        "",
        List.of(),
        "",
        false,
        "",
        d.maxRetries(),
        Duration.ofSeconds(10));
  }

  /** A new project with the workflow {@code wf} registered in it. */
  String newProject() {
    String project = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    client.registerProject(
        ProjectRegisterRequest.newBuilder()
            .setProject(Project.newBuilder().setId(project).setName(project))
            .build());
    Identifier task = id(project, ResourceType.TASK, "t");
    client.createTask(
        TaskCreateRequest.newBuilder()
            .setId(task)
            .setSpec(TaskSpec.newBuilder().setTemplate(taskTemplate()))
            .build());
    client.createWorkflow(
        WorkflowCreateRequest.newBuilder()
            .setId(id(project, ResourceType.WORKFLOW, "wf"))
            .setSpec(WorkflowSpec.newBuilder().setTemplate(workflowTemplate(task)))
            .build());
    return project;
  }

  /** Registers and activates a launch plan of {@code wf} firing every minute at a fixed rate. */
  Identifier activateFixedRate(String project, String name) {
    Parameter kickoff =
        Parameter.newBuilder()
            .setVar(Variable.newBuilder().setType(datetime()))
            .setDefault(datetimeLiteral(Instant.EPOCH))
            .build();
    return activate(
        project,
        name,
        Schedule.newBuilder()
            .setRate(FixedRate.newBuilder().setValue(1).setUnit(FixedRateUnit.MINUTE))
            .build(),
        ParameterMap.newBuilder().putParameters(KICKOFF, kickoff).build());
  }

  /** Registers and activates a launch plan of {@code wf} on {@code * * * * *}, kickoff-time arg. */
  Identifier activateCron(String project, String name) {
    return activate(
        project,
        name,
        Schedule.newBuilder()
            .setCronSchedule(CronSchedule.newBuilder().setSchedule("* * * * *"))
            .setKickoffTimeInputArg(KICKOFF)
            .build(),
        ParameterMap.getDefaultInstance());
  }

  private Identifier activate(
      String project, String name, Schedule schedule, ParameterMap defaults) {
    Identifier id = id(project, ResourceType.LAUNCH_PLAN, name);
    LaunchPlanSpec.Builder spec =
        LaunchPlanSpec.newBuilder()
            .setWorkflowId(id(project, ResourceType.WORKFLOW, "wf"))
            .setDefaultInputs(defaults);
    spec.getEntityMetadataBuilder().setSchedule(schedule);
    client.createLaunchPlan(LaunchPlanCreateRequest.newBuilder().setId(id).setSpec(spec).build());
    client.updateLaunchPlan(
        LaunchPlanUpdateRequest.newBuilder().setId(id).setState(LaunchPlanState.ACTIVE).build());
    return id;
  }

  /** Deactivates a launch plan (its schedule stops). */
  void deactivate(Identifier launchPlan) {
    client.updateLaunchPlan(
        LaunchPlanUpdateRequest.newBuilder()
            .setId(launchPlan)
            .setState(LaunchPlanState.INACTIVE)
            .build());
  }

  /** When the schedule of {@code launchPlan} was activated, as admin recorded it. */
  Instant activatedAt(Identifier launchPlan) {
    return jdbc.queryForObject(
            "SELECT updated_at FROM schedulable_entities WHERE project = ? AND domain = ?"
                + " AND name = ? AND version = ?",
            Timestamp.class,
            launchPlan.getProject(),
            launchPlan.getDomain(),
            launchPlan.getName(),
            launchPlan.getVersion())
        .toInstant();
  }

  /** Every execution of {@code project}, as admin lists them. */
  List<Execution> executions(String project) {
    List<Execution> all = new ArrayList<>();
    String token = "";
    do {
      ExecutionList page =
          client.listExecutions(
              ResourceListRequest.newBuilder()
                  .setId(NamedEntityIdentifier.newBuilder().setProject(project).setDomain(DOMAIN))
                  .setLimit(500)
                  .setToken(token)
                  .build());
      all.addAll(page.getExecutionsList());
      token = page.getToken();
    } while (!token.isEmpty());
    return all;
  }

  static Identifier id(String project, ResourceType type, String name) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject(project)
        .setDomain(DOMAIN)
        .setName(name)
        .setVersion(VERSION)
        .build();
  }

  static LiteralType datetime() {
    return LiteralType.newBuilder().setSimple(SimpleType.DATETIME).build();
  }

  static Literal datetimeLiteral(Instant instant) {
    return Literal.newBuilder()
        .setScalar(
            Scalar.newBuilder()
                .setPrimitive(
                    Primitive.newBuilder()
                        .setDatetime(
                            com.google.protobuf.Timestamp.newBuilder()
                                .setSeconds(instant.getEpochSecond())
                                .setNanos(instant.getNano()))))
        .build();
  }

  private static TypedInterface kickoffInterface() {
    return TypedInterface.newBuilder()
        .setInputs(
            VariableMap.newBuilder()
                .putVariables(KICKOFF, Variable.newBuilder().setType(datetime()).build()))
        .setOutputs(VariableMap.getDefaultInstance())
        .build();
  }

  private static TaskTemplate taskTemplate() {
    return TaskTemplate.newBuilder()
        .setType("python-task")
        .setMetadata(
            TaskMetadata.newBuilder()
                .setRuntime(
                    RuntimeMetadata.newBuilder()
                        .setType(RuntimeMetadata.RuntimeType.FLYTE_SDK)
                        .setVersion("1.16.0")))
        .setInterface(kickoffInterface())
        .setContainer(Container.newBuilder().setImage("img:1").addArgs("pyflyte-execute"))
        .build();
  }

  private static WorkflowTemplate workflowTemplate(Identifier task) {
    return WorkflowTemplate.newBuilder()
        .setMetadata(WorkflowMetadata.getDefaultInstance())
        .setInterface(kickoffInterface())
        .addNodes(
            Node.newBuilder()
                .setId("n0")
                .setMetadata(NodeMetadata.newBuilder().setName("t"))
                .addInputs(
                    Binding.newBuilder()
                        .setVar(KICKOFF)
                        .setBinding(
                            BindingData.newBuilder()
                                .setPromise(
                                    OutputReference.newBuilder()
                                        .setNodeId("start-node")
                                        .setVar(KICKOFF))))
                .setTaskNode(TaskNode.newBuilder().setReferenceId(task)))
        .build();
  }

  @Override
  public void close() {
    transport.shutdownNow();
    anonymous.shutdownNow();
    app.close();
  }
}
