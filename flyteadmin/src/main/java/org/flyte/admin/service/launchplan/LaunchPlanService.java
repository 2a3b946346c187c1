package org.flyte.admin.service.launchplan;

import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanListRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateResponse;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanList;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateResponse;
import flyteidl.admin.ScheduleOuterClass.Schedule;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.repository.launchplan.LaunchPlanRepository;
import org.flyte.admin.repository.launchplan.LaunchPlanRepository.StoredLaunchPlan;
import org.flyte.admin.repository.launchplan.SchedulableEntityRepository;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.workflow.WorkflowReferenceRepository;
import org.flyte.admin.repository.workflow.WorkflowReferenceRepository.WorkflowReference;
import org.flyte.admin.service.digest.Digests;
import org.flyte.admin.service.digest.StructureDiff;
import org.flyte.admin.service.project.ProjectDomainValidator;
import org.flyte.admin.service.validation.IdentifierValidator;
import org.flyte.admin.service.validation.LaunchPlanSpecValidator;
import org.flyte.admin.service.validation.ProjectValidator;
import org.flyte.admin.service.validation.Validation;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.common.schedule.CronSchedule;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Launch plans: registration, activation and the five read RPCs. Follows {@code
 * flyteadmin/pkg/manager/impl/launch_plan_manager.go} and {@code
 * validation/launch_plan_validator.go} (v1.16.8). Beyond Flyte: activation locks every version of
 * the launch plan name first, so that concurrent activations leave exactly one version ACTIVE, and
 * the schedule change ({@code schedulable_entities}) commits or rolls back with the state change.
 */
@Service
public class LaunchPlanService {

  private final LaunchPlanRepository launchPlans;
  private final WorkflowReferenceRepository workflows;
  private final SchedulableEntityRepository schedules;
  private final ProjectDomainValidator projects;
  private final TransactionTemplate transactions;

  public LaunchPlanService(
      LaunchPlanRepository launchPlans,
      WorkflowReferenceRepository workflows,
      SchedulableEntityRepository schedules,
      ProjectDomainValidator projects,
      TransactionTemplate transactions) {
    this.launchPlans = launchPlans;
    this.workflows = workflows;
    this.schedules = schedules;
    this.projects = projects;
    this.transactions = transactions;
  }

  /** CreateLaunchPlan, validated in the order of Flyte's launch_plan_manager.go (v1.16.8). */
  public LaunchPlanCreateResponse create(LaunchPlanCreateRequest request) {
    Identifier workflowId = request.getSpec().getWorkflowId();
    validateIdentifier(
        request.getSpec().hasWorkflowId() ? workflowId : null, ResourceType.WORKFLOW);
    WorkflowReference workflow =
        workflows
            .find(workflowId)
            .orElseThrow(
                () ->
                    FlyteException.notFound(
                        "missing entity of type WORKFLOW with identifier %s",
                        ProtoText.render(workflowId.toBuilder().clearResourceType())));

    validateIdentifier(request.hasId() ? request.getId() : null, ResourceType.LAUNCH_PLAN);
    IdentifierValidator.validate(request.getId());
    projects.requireActive(request.getId().getProject(), request.getId().getDomain());
    if (!request.hasSpec()) {
      throw FlyteException.invalidArgument("missing spec");
    }
    LaunchPlanSpec spec = request.getSpec();
    ProjectValidator.validateLabels(spec.getLabels().getValuesMap());
    LaunchPlanSpecValidator.validateFixedInputs(spec.getFixedInputs());
    LaunchPlanSpecValidator.validateDefaultInputs(spec.getDefaultInputs());
    TypedInterface typedInterface = workflow.typedInterface();
    ParameterMap expected =
        LaunchPlanSpecValidator.expectedInputs(
            typedInterface.getInputs().getVariablesMap(),
            spec.getFixedInputs().getLiteralsMap(),
            spec.getDefaultInputs().getParametersMap());
    LaunchPlanSpecValidator.validateSchedule(spec.getEntityMetadata().getSchedule(), expected);
    spec = spec.toBuilder().setDefaultInputs(expected).build();
    if (spec.hasEntityMetadata()) {
      LaunchPlanSpecValidator.validateNotifications(
          spec.getEntityMetadata().getNotificationsList());
      if (spec.getEntityMetadata().hasLaunchConditions()) {
        throw FlyteException.invalidArgument(
            "Launch condition must be empty, found %s",
            ProtoText.render(spec.getEntityMetadata().getLaunchConditions()));
      }
    }

    LaunchPlanClosure.Builder closure = LaunchPlanClosure.newBuilder().setExpectedInputs(expected);
    if (typedInterface.hasOutputs()) {
      // Go copies the workflow's outputs, which stay unset for a workflow without any.
      closure.setExpectedOutputs(typedInterface.getOutputs());
    }
    LaunchPlan launchPlan =
        LaunchPlan.newBuilder().setId(request.getId()).setSpec(spec).setClosure(closure).build();
    byte[] digest = Digests.of(launchPlan);
    Optional<StoredLaunchPlan> existing = launchPlans.find(request.getId());
    if (existing.isPresent()) {
      throw conflict(existing.get(), launchPlan, digest);
    }
    Schedule schedule = spec.getEntityMetadata().getSchedule();
    boolean scheduled = isScheduled(schedule);
    String scheduleType =
        schedule.hasRate()
            ? "RATE"
            : !schedule.getCronExpression().isEmpty() || schedule.hasCronSchedule()
                ? "CRON"
                : "NONE";
    try {
      launchPlans.insert(
          launchPlan,
          workflow.id(),
          digest,
          LaunchPlanState.INACTIVE_VALUE,
          scheduleType,
          scheduled ? "SCHED" : null);
    } catch (FlyteException e) {
      if (e.code() != ErrorCode.ALREADY_EXISTS) {
        throw e;
      }
      // A concurrent registration of the same id won: answer as if it had come first.
      throw conflict(launchPlans.find(request.getId()).orElseThrow(() -> e), launchPlan, digest);
    }
    return LaunchPlanCreateResponse.getDefaultInstance();
  }

  /**
   * The answer to a registration whose id exists: ALREADY_EXISTS when the stored launch plan is the
   * same (same digest, or, for a row written with another digest such as our former SHA-256 of the
   * binary encoding, the same spec and expected inputs and outputs), INVALID_ARGUMENT with the
   * differences otherwise.
   */
  private static FlyteException conflict(
      StoredLaunchPlan existing, LaunchPlan launchPlan, byte[] digest) {
    LaunchPlan stored = existing.launchPlan();
    LaunchPlanSpec spec = launchPlan.getSpec();
    if (Arrays.equals(existing.digest(), digest)
        || (stored.getSpec().equals(spec)
            && stored
                .getClosure()
                .getExpectedInputs()
                .equals(launchPlan.getClosure().getExpectedInputs())
            && stored
                .getClosure()
                .getExpectedOutputs()
                .equals(launchPlan.getClosure().getExpectedOutputs()))) {
      return FlyteException.alreadyExists("launch plan with identical structure already exists");
    }
    return new FlyteException(
        ErrorCode.INVALID_ARGUMENT,
        launchPlan.getId().getName()
            + " launch plan with different structure already exists. (Please register a new"
            + " version of the launch plan):\n"
            + StructureDiff.lines(stored.getSpec(), spec));
  }

  /** UpdateLaunchPlan: ACTIVE or INACTIVE, with the schedule kept in step, in one transaction. */
  public LaunchPlanUpdateResponse update(LaunchPlanUpdateRequest request) {
    Identifier id = withLaunchPlanType(request.getId());
    LaunchPlanState state = request.getState();
    if (state == LaunchPlanState.INACTIVE) {
      // Go validates the identifier only on deactivation; activation looks the row up as given.
      validateIdentifier(request.hasId() ? id : null, ResourceType.LAUNCH_PLAN);
    }
    if (state != LaunchPlanState.ACTIVE && state != LaunchPlanState.INACTIVE) {
      throw FlyteException.invalidArgument(
          "Unrecognized launch plan state %s for update for launch plan [%s]",
          state == LaunchPlanState.UNRECOGNIZED
              ? String.valueOf(request.getStateValue())
              : state.name(),
          ProtoText.render(id));
    }
    transactions.executeWithoutResult(
        tx -> {
          launchPlans.lockVersions(id.getProject(), id.getDomain(), id.getName());
          StoredLaunchPlan target = launchPlans.find(id).orElseThrow(() -> missing(id));
          if (state == LaunchPlanState.INACTIVE) {
            launchPlans.setState(target, LaunchPlanState.INACTIVE);
            if (isScheduled(schedule(target))) {
              schedules.deactivate(id);
            }
            return;
          }
          for (StoredLaunchPlan active :
              launchPlans.findActive(id.getProject(), id.getDomain(), id.getName())) {
            if (active.rowId() == target.rowId()) {
              continue;
            }
            launchPlans.setState(active, LaunchPlanState.INACTIVE);
            if (isScheduled(schedule(active))) {
              schedules.deactivate(active.launchPlan().getId());
            }
          }
          Schedule schedule = schedule(target);
          if (isScheduled(schedule)) {
            if (!schedule.hasRate() && !schedule.hasCronSchedule()) {
              throw FlyteException.internal(
                  "failed adding schedule for unknown schedule expression type");
            }
            if (schedule.hasCronSchedule()) {
              refuseNeverFiring(id, schedule.getCronSchedule().getSchedule());
            }
            schedules.activate(id, schedule);
          }
          launchPlans.setState(target, LaunchPlanState.ACTIVE);
        });
    return LaunchPlanUpdateResponse.getDefaultInstance();
  }

  /** GetLaunchPlan. */
  public LaunchPlan get(ObjectGetRequest request) {
    Identifier id = withLaunchPlanType(request.hasId() ? request.getId() : null);
    validateIdentifier(id, ResourceType.LAUNCH_PLAN);
    return launchPlans.find(id).orElseThrow(() -> missing(id)).launchPlan();
  }

  /** GetActiveLaunchPlan. */
  public LaunchPlan getActive(ActiveLaunchPlanRequest request) {
    var id = request.getId();
    Validation.requireNonEmpty(id.getProject(), "project");
    Validation.requireNonEmpty(id.getDomain(), "domain");
    Validation.requireNonEmpty(id.getName(), "name");
    return launchPlans.findActive(id.getProject(), id.getDomain(), id.getName()).stream()
        .findFirst()
        .orElseThrow(
            () ->
                FlyteException.notFound(
                    "No active launch plan could be found: %s:%s:%s",
                    id.getProject(), id.getDomain(), id.getName()))
        .launchPlan();
  }

  /** ListLaunchPlans. */
  public LaunchPlanList list(ResourceListRequest request) {
    if (!request.hasId()) {
      throw FlyteException.invalidArgument("missing id");
    }
    Validation.requireNonEmpty(request.getId().getProject(), "project");
    Validation.requireNonEmpty(request.getId().getDomain(), "domain");
    if (request.getLimit() == 0) {
      throw FlyteException.invalidArgument("invalid value for limit");
    }
    List<Filter> filters = FilterParser.parse(request.getFilters(), FilterEntity.LAUNCH_PLAN);
    Optional<SortOrder> sort =
        SortOrder.of(request.hasSortBy() ? request.getSortBy() : null, FilterEntity.LAUNCH_PLAN);
    PageRequest page = PageRequest.of(request.getLimit(), request.getToken(), "ListLaunchPlans");
    List<LaunchPlan> found =
        launchPlans.list(
            request.getId().getProject(),
            request.getId().getDomain(),
            request.getId().getName(),
            filters,
            sort,
            page);
    return LaunchPlanList.newBuilder()
        .addAllLaunchPlans(found)
        .setToken(page.nextToken(found.size()))
        .build();
  }

  /** ListActiveLaunchPlans. */
  public LaunchPlanList listActive(ActiveLaunchPlanListRequest request) {
    Validation.requireNonEmpty(request.getProject(), "project");
    Validation.requireNonEmpty(request.getDomain(), "domain");
    if (request.getLimit() == 0) {
      throw FlyteException.invalidArgument("invalid value for limit");
    }
    Optional<SortOrder> sort =
        SortOrder.of(request.hasSortBy() ? request.getSortBy() : null, FilterEntity.LAUNCH_PLAN);
    PageRequest page =
        PageRequest.of(request.getLimit(), request.getToken(), "ListActiveLaunchPlans");
    List<LaunchPlan> found =
        launchPlans.list(
            request.getProject(),
            request.getDomain(),
            "",
            List.of(Filter.eq(FilterEntity.LAUNCH_PLAN, "state", LaunchPlanState.ACTIVE_VALUE)),
            sort,
            page);
    return LaunchPlanList.newBuilder()
        .addAllLaunchPlans(found)
        .setToken(page.nextToken(found.size()))
        .build();
  }

  /** ListLaunchPlanIds: no request validation, as in Flyte; filters are ignored. */
  public NamedEntityIdentifierList listIds(NamedEntityIdentifierListRequest request) {
    Optional<SortOrder> sort =
        SortOrder.of(request.hasSortBy() ? request.getSortBy() : null, FilterEntity.LAUNCH_PLAN);
    long offset;
    try {
      offset = PageRequest.offset(request.getToken(), "ListLaunchPlanIds");
    } catch (FlyteException e) {
      // Go wraps every token error, a negative offset included, in this one message.
      throw FlyteException.invalidArgument("invalid pagination token %s", request.getToken());
    }
    if (request.getLimit() == 0) {
      throw FlyteException.invalidArgument("missing and/or invalid parameters: limit");
    }
    PageRequest page = new PageRequest(PageRequest.unsigned(request.getLimit()), offset);
    var found = launchPlans.listNames(request.getProject(), request.getDomain(), sort, page);
    return NamedEntityIdentifierList.newBuilder()
        .addAllEntities(found)
        .setToken(page.nextToken(found.size()))
        .build();
  }

  private static Schedule schedule(StoredLaunchPlan stored) {
    return stored.launchPlan().getSpec().getEntityMetadata().getSchedule();
  }

  /**
   * Beyond Flyte (whose scheduler finds out only at catch-up): a cron text that matches no instant
   * within five years, such as {@code 0 0 31 2 *}, is refused at activation.
   */
  private static void refuseNeverFiring(Identifier id, String cron) {
    if (CronSchedule.problem(cron).isEmpty()
        && CronSchedule.parse(cron).next(Instant.now(), ZoneOffset.UTC).isEmpty()) {
      throw FlyteException.invalidArgument(
          "Schedule '%s' of launch plan %s can never fire: no date matches it",
          cron, ProtoText.render(id));
    }
  }

  /** Flyte's "schedule is not empty": cron text (either field) or a non-zero rate. */
  private static boolean isScheduled(Schedule schedule) {
    return !schedule.getCronExpression().isEmpty()
        || !schedule.getCronSchedule().getSchedule().isEmpty()
        || schedule.getRate().getValue() != 0;
  }

  private static FlyteException missing(Identifier id) {
    return FlyteException.notFound(
        "missing entity of type LAUNCH_PLAN with identifier %s",
        ProtoText.render(id.toBuilder().clearResourceType()));
  }

  private static Identifier withLaunchPlanType(Identifier id) {
    if (id != null && id.getResourceType() == ResourceType.UNSPECIFIED) {
      return id.toBuilder().setResourceType(ResourceType.LAUNCH_PLAN).build();
    }
    return id;
  }

  private static void validateIdentifier(Identifier id, ResourceType expected) {
    Validation.identifier(id == null ? Identifier.getDefaultInstance() : id, id != null, expected);
  }
}
