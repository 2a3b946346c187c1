package org.flyte.admin.service.workflow;

import com.google.protobuf.Timestamp;
import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure;
import flyteidl.admin.WorkflowOuterClass.CreateWorkflowFailureReason;
import flyteidl.admin.WorkflowOuterClass.Workflow;
import flyteidl.admin.WorkflowOuterClass.WorkflowClosure;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateResponse;
import flyteidl.admin.WorkflowOuterClass.WorkflowErrorExistsDifferentStructure;
import flyteidl.admin.WorkflowOuterClass.WorkflowErrorExistsIdenticalStructure;
import flyteidl.admin.WorkflowOuterClass.WorkflowList;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.config.AdminStorageProperties;
import org.flyte.admin.config.RegistrationProperties;
import org.flyte.admin.repository.launchplan.LaunchPlanLookupRepository;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.task.TaskRepository;
import org.flyte.admin.repository.workflow.WorkflowRepository;
import org.flyte.admin.repository.workflow.WorkflowRepository.WorkflowRow;
import org.flyte.admin.service.digest.Digests;
import org.flyte.admin.service.digest.StructureDiff;
import org.flyte.admin.service.project.ProjectDomainValidator;
import org.flyte.admin.service.validation.IdentifierValidator;
import org.flyte.admin.service.validation.ListRequests;
import org.flyte.admin.service.validation.Validation;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.StorageKeys;
import org.flyte.compiler.Quantity;
import org.flyte.compiler.WorkflowCompiler;
import org.flyte.compiler.WorkflowRequirements;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.graph.LaunchPlanInterface;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workflow registration and lookup. Follows {@code flyteadmin/pkg/manager/impl/workflow_manager.go}
 * and {@code validation/workflow_validator.go} (v1.16.8): the referenced tasks and launch plans are
 * loaded and the workflow compiled (any failure, a missing task included, is INVALID_ARGUMENT); the
 * registration limits are checked; an existing row is compared by digest before anything is written
 * (with the {@code CreateWorkflowFailureReason} detail); the closure is written to the blob store
 * before the row.
 */
@Service
public class WorkflowService {

  private static final int SYSTEM_NODES = 2;

  private final WorkflowRepository workflows;
  private final TaskRepository tasks;
  private final LaunchPlanLookupRepository launchPlans;
  private final ProjectDomainValidator projects;
  private final ProtoStore store;
  private final RegistrationProperties registration;
  private final DataReference closurePrefix;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  public WorkflowService(
      WorkflowRepository workflows,
      TaskRepository tasks,
      LaunchPlanLookupRepository launchPlans,
      ProjectDomainValidator projects,
      ProtoStore store,
      RegistrationProperties registration,
      AdminStorageProperties storage,
      TransactionTemplate transactions) {
    this.transactions = transactions;
    this.workflows = workflows;
    this.tasks = tasks;
    this.launchPlans = launchPlans;
    this.projects = projects;
    this.store = store;
    this.registration = registration;
    this.closurePrefix =
        store
            .blobs()
            .baseContainer()
            .resolve(storage.metadataStoragePrefix().toArray(String[]::new));
  }

  public WorkflowCreateResponse create(WorkflowCreateRequest request) {
    Identifier id = request.getId();
    Validation.identifier(id, request.hasId(), ResourceType.WORKFLOW);
    IdentifierValidator.validate(id);
    projects.requireActive(id.getProject(), id.getDomain());
    if (!request.hasSpec() || !request.getSpec().hasTemplate()) {
      throw Validation.missing("spec");
    }
    WorkflowTemplate template = request.getSpec().getTemplate().toBuilder().setId(id).build();
    List<WorkflowTemplate> subWorkflows = request.getSpec().getSubWorkflowsList();

    CompiledWorkflowClosure compiled = compile(id, template, subWorkflows);
    Instant now = clock.instant();
    WorkflowClosure closure =
        WorkflowClosure.newBuilder()
            .setCompiledWorkflow(compiled)
            .setCreatedAt(
                Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
            .build();
    checkLimits(id, closure);
    byte[] digest = Digests.of(compiled);

    Optional<WorkflowRow> existing = workflows.find(id);
    if (existing.isPresent()) {
      throw conflict(existing.get(), id, compiled, digest);
    }
    DataReference location =
        StorageKeys.under(
            closurePrefix, id.getProject(), id.getDomain(), id.getName(), id.getVersion());
    Optional<DescriptionEntity> description =
        request.getSpec().hasDescription()
            ? Optional.of(request.getSpec().getDescription())
            : Optional.empty();
    try {
      // The row first: its key stays locked until commit, so a concurrent registration of the
      // same id waits and then fails, and only the row's own writer ever writes its closure.
      transactions.executeWithoutResult(
          tx -> {
            workflows.create(
                id, template.getInterface(), location.toString(), digest, description, now);
            writeClosure(id, location, closure);
          });
    } catch (FlyteException e) {
      if (e.code() != ErrorCode.ALREADY_EXISTS) {
        throw e;
      }
      throw conflict(workflows.find(id).orElseThrow(() -> e), id, compiled, digest);
    }
    return WorkflowCreateResponse.getDefaultInstance();
  }

  private void writeClosure(Identifier id, DataReference location, WorkflowClosure closure) {
    try {
      store.write(location, closure);
    } catch (RuntimeException e) {
      throw new FlyteException(
          ErrorCode.INTERNAL,
          String.format(
              "failed to write marshaled workflow [%s] to storage %s with err %s and base"
                  + " container: %s",
              ProtoText.render(id), location, e.getMessage(), store.blobs().baseContainer()),
          e);
    }
  }

  /**
   * The answer to a registration whose id exists: ALREADY_EXISTS for the same digest, otherwise
   * INVALID_ARGUMENT with the differences (both with the {@code CreateWorkflowFailureReason}).
   */
  private FlyteException conflict(
      WorkflowRow existing, Identifier id, CompiledWorkflowClosure compiled, byte[] digest) {
    if (Arrays.equals(existing.digest(), digest)) {
      return new FlyteException(
          ErrorCode.ALREADY_EXISTS,
          "workflow with identical structure already exists",
          List.of(
              CreateWorkflowFailureReason.newBuilder()
                  .setExistsIdenticalStructure(
                      WorkflowErrorExistsIdenticalStructure.newBuilder().setId(id))
                  .build()));
    }
    CompiledWorkflowClosure old = readClosure(existing).getCompiledWorkflow();
    return new FlyteException(
        ErrorCode.INVALID_ARGUMENT,
        String.format(
            "%s workflow with different structure already exists. (Please register a new version"
                + " of the workflow):\n%s",
            id.getName(), StructureDiff.lines(old, compiled)),
        List.of(
            CreateWorkflowFailureReason.newBuilder()
                .setExistsDifferentStructure(
                    WorkflowErrorExistsDifferentStructure.newBuilder().setId(id))
                .build()));
  }

  public Workflow get(ObjectGetRequest request) {
    Identifier id = Validation.withType(request.getId(), ResourceType.WORKFLOW);
    Validation.identifier(id, request.hasId(), ResourceType.WORKFLOW);
    WorkflowRow row =
        workflows
            .find(id)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "missing entity of type WORKFLOW with identifier %s",
                        ProtoText.render(id.toBuilder().clearResourceType())));
    WorkflowClosure closure = readClosure(row).toBuilder().setCreatedAt(timestamp(row)).build();
    return Workflow.newBuilder()
        .setId(row.id())
        .setClosure(closure)
        .setShortDescription(row.shortDescription())
        .build();
  }

  public WorkflowList list(ResourceListRequest request) {
    ListRequests.resourceList(request);
    List<Filter> filters = new ArrayList<>();
    filters.add(Filter.eq(FilterEntity.WORKFLOW, "project", request.getId().getProject()));
    filters.add(Filter.eq(FilterEntity.WORKFLOW, "domain", request.getId().getDomain()));
    if (!request.getId().getName().isEmpty()) {
      filters.add(Filter.eq(FilterEntity.WORKFLOW, "name", request.getId().getName()));
    }
    filters.addAll(FilterParser.parse(request.getFilters(), FilterEntity.WORKFLOW));
    Optional<SortOrder> sort = SortOrder.of(request.getSortBy(), FilterEntity.WORKFLOW);
    PageRequest page = PageRequest.of(request.getLimit(), request.getToken(), "ListWorkflows");
    List<WorkflowRow> rows = workflows.list(filters, sort, page);
    WorkflowList.Builder list = WorkflowList.newBuilder().setToken(page.nextToken(rows.size()));
    for (WorkflowRow row : rows) {
      CompiledWorkflowClosure.Builder onlyInterface = CompiledWorkflowClosure.newBuilder();
      onlyInterface.setPrimary(
          CompiledWorkflow.newBuilder()
              .setTemplate(WorkflowTemplate.newBuilder().setInterface(row.typedInterface())));
      list.addWorkflows(
          Workflow.newBuilder()
              .setId(row.id())
              .setShortDescription(row.shortDescription())
              .setClosure(
                  WorkflowClosure.newBuilder()
                      .setCompiledWorkflow(onlyInterface)
                      .setCreatedAt(timestamp(row))));
    }
    return list.build();
  }

  public NamedEntityIdentifierList listIds(NamedEntityIdentifierListRequest request) {
    ListRequests.identifierList(request);
    Optional<SortOrder> sort = SortOrder.of(request.getSortBy(), FilterEntity.WORKFLOW);
    PageRequest page = PageRequest.of(request.getLimit(), request.getToken(), "ListWorkflowIds");
    var ids = workflows.listIds(request.getProject(), request.getDomain(), sort, page);
    return NamedEntityIdentifierList.newBuilder()
        .addAllEntities(ids)
        .setToken(page.nextToken(ids.size()))
        .build();
  }

  private CompiledWorkflowClosure compile(
      Identifier id, WorkflowTemplate template, List<WorkflowTemplate> subWorkflows) {
    try {
      WorkflowRequirements requirements = WorkflowCompiler.requirements(template, subWorkflows);
      List<CompiledTask> compiledTasks = new ArrayList<>();
      for (Identifier taskId : requirements.taskIds()) {
        compiledTasks.add(
            tasks
                .find(taskId)
                .orElseThrow(() -> compileFailure(id, missing("TASK", taskId)))
                .getClosure()
                .getCompiledTask());
      }
      List<LaunchPlanInterface> interfaces = new ArrayList<>();
      for (Identifier launchPlanId : requirements.launchPlanIds()) {
        LaunchPlanClosure closure =
            launchPlans
                .closure(launchPlanId)
                .orElseThrow(() -> compileFailure(id, missing("LAUNCH_PLAN", launchPlanId)));
        interfaces.add(
            new LaunchPlanInterface(
                launchPlanId,
                closure.hasExpectedInputs() ? closure.getExpectedInputs() : null,
                closure.hasExpectedOutputs() ? closure.getExpectedOutputs() : null));
      }
      return WorkflowCompiler.compileWorkflow(template, subWorkflows, compiledTasks, interfaces);
    } catch (CompileException e) {
      throw compileFailure(id, e.text());
    }
  }

  private static String missing(String type, Identifier id) {
    return "missing entity of type " + type + " with identifier " + ProtoText.render(id);
  }

  private static FlyteException compileFailure(Identifier id, String error) {
    return FlyteException.invalidArgument(
        "failed to compile workflow for [%s] with err: %s", ProtoText.render(id), error);
  }

  private void checkLimits(Identifier id, WorkflowClosure closure) {
    String sizeLimit = registration.workflowSizeLimit();
    if (sizeLimit != null && !sizeLimit.isBlank()) {
      Quantity limit = Quantity.parse(sizeLimit);
      if (limit.amount().compareTo(java.math.BigDecimal.valueOf(closure.getSerializedSize())) < 0) {
        throw FlyteException.invalidArgument(
            "Workflow closure size exceeds max limit [%s]", sizeLimit);
      }
    }
    int maxNodes = registration.maxWorkflowNodes();
    if (maxNodes == 0) {
      return;
    }
    int userNodes =
        closure.getCompiledWorkflow().getPrimary().getTemplate().getNodesCount() - SYSTEM_NODES;
    if (userNodes > maxNodes) {
      throw FlyteException.invalidArgument(
          "number of nodes in workflow [%s] exceeds limit (%d > %d)",
          ProtoText.render(id), userNodes, maxNodes);
    }
  }

  private WorkflowClosure readClosure(WorkflowRow row) {
    try {
      return store.read(
          DataReference.parse(row.remoteClosureIdentifier()), WorkflowClosure.parser());
    } catch (RuntimeException e) {
      throw new FlyteException(
          ErrorCode.INTERNAL,
          String.format(
              "Unable to read WorkflowClosure from location %s : %s",
              row.remoteClosureIdentifier(), e.getMessage()),
          e);
    }
  }

  private static Timestamp timestamp(WorkflowRow row) {
    Instant created = row.createdAt() == null ? Instant.EPOCH : row.createdAt();
    return Timestamp.newBuilder()
        .setSeconds(created.getEpochSecond())
        .setNanos(created.getNano())
        .build();
  }
}
