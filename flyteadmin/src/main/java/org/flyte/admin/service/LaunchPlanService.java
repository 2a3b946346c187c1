package org.flyte.admin.service;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.Notification;
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
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.flyte.admin.repository.LaunchPlanRepository;
import org.flyte.admin.repository.LaunchPlanRepository.StoredLaunchPlan;
import org.flyte.admin.repository.SchedulableEntityRepository;
import org.flyte.admin.repository.WorkflowReferenceRepository;
import org.flyte.admin.repository.WorkflowReferenceRepository.WorkflowReference;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;
import org.flyte.compiler.typing.Castability;
import org.flyte.compiler.typing.LiteralTypeInference;
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

  private static final int MAX_LABELS = 16;
  private static final Pattern LABEL_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Set<WorkflowExecution.Phase> TERMINAL_PHASES =
      Set.of(
          WorkflowExecution.Phase.SUCCEEDED,
          WorkflowExecution.Phase.FAILED,
          WorkflowExecution.Phase.TIMED_OUT,
          WorkflowExecution.Phase.ABORTED);

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

  /** CreateLaunchPlan, validated in Flyte's order (§4.4). */
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
    projects.requireActive(request.getId().getProject(), request.getId().getDomain());
    if (!request.hasSpec()) {
      throw FlyteException.invalidArgument("missing spec");
    }
    LaunchPlanSpec spec = request.getSpec();
    validateLabels(spec.getLabels().getValuesMap());
    validateFixedInputs(spec.getFixedInputs());
    validateDefaultInputs(spec.getDefaultInputs());
    TypedInterface typedInterface = workflow.typedInterface();
    ParameterMap expected =
        expectedInputs(
            typedInterface.getInputs().getVariablesMap(),
            spec.getFixedInputs().getLiteralsMap(),
            spec.getDefaultInputs().getParametersMap());
    validateSchedule(spec.getEntityMetadata().getSchedule(), expected);
    spec = spec.toBuilder().setDefaultInputs(expected).build();
    if (spec.hasEntityMetadata()) {
      validateNotifications(spec.getEntityMetadata().getNotificationsList());
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
    byte[] digest = digest(launchPlan);
    Optional<StoredLaunchPlan> existing = launchPlans.find(request.getId());
    if (existing.isPresent()) {
      // Same digest, or (for a row Go wrote with its own digest) the same spec and closure.
      LaunchPlan stored = existing.get().launchPlan();
      if (Arrays.equals(existing.get().digest(), digest)
          || (stored.getSpec().equals(spec)
              && stored.getClosure().getExpectedInputs().equals(expected)
              && stored.getClosure().getExpectedOutputs().equals(closure.getExpectedOutputs()))) {
        throw FlyteException.alreadyExists("launch plan with identical structure already exists");
      }
      throw new FlyteException(
          ErrorCode.INVALID_ARGUMENT,
          request.getId().getName()
              + " launch plan with different structure already exists. (Please register a new"
              + " version of the launch plan):\n"
              + String.join("\n", diff(existing.get().launchPlan().getSpec(), spec)));
    }
    Schedule schedule = spec.getEntityMetadata().getSchedule();
    boolean scheduled = isScheduled(schedule);
    String scheduleType =
        schedule.hasRate()
            ? "RATE"
            : !schedule.getCronExpression().isEmpty() || schedule.hasCronSchedule()
                ? "CRON"
                : "NONE";
    launchPlans.insert(
        launchPlan,
        workflow.id(),
        digest,
        LaunchPlanState.INACTIVE_VALUE,
        scheduleType,
        scheduled ? "SCHED" : null);
    return LaunchPlanCreateResponse.getDefaultInstance();
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
    requireNonEmpty(id.getProject(), "project");
    requireNonEmpty(id.getDomain(), "domain");
    requireNonEmpty(id.getName(), "name");
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
    requireNonEmpty(request.getId().getProject(), "project");
    requireNonEmpty(request.getId().getDomain(), "domain");
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
    requireNonEmpty(request.getProject(), "project");
    requireNonEmpty(request.getDomain(), "domain");
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
    PageRequest page = new PageRequest(request.getLimit(), offset);
    var found = launchPlans.listNames(request.getProject(), request.getDomain(), sort, page);
    return NamedEntityIdentifierList.newBuilder()
        .addAllEntities(found)
        .setToken(page.nextToken(found.size()))
        .build();
  }

  private static Schedule schedule(StoredLaunchPlan stored) {
    return stored.launchPlan().getSpec().getEntityMetadata().getSchedule();
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

  private static void requireNonEmpty(String value, String field) {
    if (value.isEmpty()) {
      throw FlyteException.invalidArgument("missing %s", field);
    }
  }

  private static void validateIdentifier(Identifier id, ResourceType expected) {
    if (id == null) {
      throw FlyteException.invalidArgument("missing id");
    }
    if (id.getResourceType() != expected) {
      throw FlyteException.invalidArgument(
          "unexpected resource type %s for identifier [%s], expected %s instead",
          id.getResourceType().name().toLowerCase(java.util.Locale.ROOT),
          ProtoText.render(id),
          expected.name().toLowerCase(java.util.Locale.ROOT));
    }
    requireNonEmpty(id.getProject(), "project");
    requireNonEmpty(id.getDomain(), "domain");
    requireNonEmpty(id.getName(), "name");
    requireNonEmpty(id.getVersion(), "version");
  }

  private static void validateLabels(Map<String, String> labels) {
    if (labels.size() > MAX_LABELS) {
      throw FlyteException.invalidArgument("labels map cannot exceed %d entries", MAX_LABELS);
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!qualifiedName(label.getKey())) {
        throw FlyteException.invalidArgument(
            "invalid label key [%s]: [name part must consist of alphanumeric characters, '-', '_'"
                + " or '.', and must start and end with an alphanumeric character]",
            label.getKey());
      }
      String value = label.getValue();
      if (!value.isEmpty() && (value.length() > 63 || !LABEL_NAME.matcher(value).matches())) {
        throw FlyteException.invalidArgument(
            "invalid label value [%s]: [a valid label must be an empty string or consist of"
                + " alphanumeric characters, '-', '_' or '.', and must start and end with an"
                + " alphanumeric character]",
            value);
      }
    }
  }

  /** Kubernetes' IsQualifiedName: an optional DNS-subdomain prefix and a name of 1-63. */
  private static boolean qualifiedName(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return !name.isEmpty() && name.length() <= 63 && LABEL_NAME.matcher(name).matches();
  }

  private static void validateFixedInputs(LiteralMap fixed) {
    for (Map.Entry<String, Literal> input : fixed.getLiteralsMap().entrySet()) {
      if (input.getKey().isEmpty()) {
        throw FlyteException.invalidArgument("missing key in fixed_inputs");
      }
      Literal literal = input.getValue();
      if (literal.getValueCase() == Literal.ValueCase.VALUE_NOT_SET
          && !literal.hasOffloadedMetadata()) {
        throw FlyteException.invalidArgument(
            "missing valid literal in fixed_inputs %s", input.getKey());
      }
      if (literal.getScalar().getPrimitive().hasDatetime()) {
        validateDatetime(literal);
      }
    }
  }

  private static void validateDefaultInputs(ParameterMap defaults) {
    for (Map.Entry<String, Parameter> input : defaults.getParametersMap().entrySet()) {
      String name = input.getKey();
      Parameter parameter = input.getValue();
      if (parameter.hasArtifactQuery()) {
        throw FlyteException.invalidArgument(
            "artifact mode not enabled but query found default_inputs %s", name);
      }
      if (name.isEmpty()) {
        throw FlyteException.invalidArgument("missing key in default_inputs");
      }
      if (!parameter.hasVar() || !parameter.getVar().hasType()) {
        throw FlyteException.invalidArgument(
            "The Variable component of the Parameter %s in default_inputs either is missing, or"
                + " has a missing Type",
            name);
      }
      if (!parameter.hasDefault() && !parameter.getRequired()) {
        throw FlyteException.invalidArgument(
            "Invalid variable %s in default_inputs - variable has neither default, nor is"
                + " required. One must be specified",
            name);
      }
      if (parameter.hasDefault()) {
        LiteralType declared = parameter.getVar().getType();
        LiteralType inferred =
            LiteralTypeInference.inferType(parameter.getDefault())
                .orElseThrow(
                    () ->
                        FlyteException.invalidArgument(
                            "Failed to validate literal type for [%s] with err: %s",
                            name, LiteralTypeInference.UNKNOWN_LITERAL_TYPE));
        if (!Castability.isCastable(inferred, declared)) {
          throw FlyteException.invalidArgument(
              "Type mismatch for Parameter %s in default_inputs has type %s, expected %s",
              name, ProtoText.render(declared), ProtoText.render(inferred));
        }
        if (declared.getSimple() == SimpleType.DATETIME && declared.hasSimple()) {
          validateDatetime(parameter.getDefault());
        }
      }
    }
  }

  /** protobuf's Timestamp.CheckValid: seconds in years 1-9999, nanos in [0, 1e9). */
  private static void validateDatetime(Literal literal) {
    var ts = literal.getScalar().getPrimitive().getDatetime();
    if (ts.getSeconds() < -62135596800L) {
      throw FlyteException.invalidArgument(
          "timestamp (%s) before 0001-01-01", ProtoText.render(ts).strip());
    }
    if (ts.getSeconds() >= 253402300800L) {
      throw FlyteException.invalidArgument(
          "timestamp (%s) after 9999-12-31", ProtoText.render(ts).strip());
    }
    if (ts.getNanos() < 0 || ts.getNanos() >= 1_000_000_000) {
      throw FlyteException.invalidArgument(
          "timestamp (%s) has out-of-range nanos", ProtoText.render(ts).strip());
    }
  }

  private static ParameterMap expectedInputs(
      Map<String, Variable> workflowInputs,
      Map<String, Literal> fixed,
      Map<String, Parameter> defaults) {
    if (workflowInputs.isEmpty()) {
      if (!defaults.isEmpty()) {
        throw FlyteException.invalidArgument(
            "invalid launch plan default inputs, expected none but found %d", defaults.size());
      }
      if (!fixed.isEmpty()) {
        throw FlyteException.invalidArgument(
            "invalid launch plan fixed inputs, expected none but found %d", fixed.size());
      }
      return ParameterMap.getDefaultInstance();
    }
    for (Map.Entry<String, Parameter> input : defaults.entrySet()) {
      Variable variable = workflowInputs.get(input.getKey());
      if (variable == null) {
        throw FlyteException.invalidArgument("unexpected default_input %s", input.getKey());
      }
      LiteralType type = input.getValue().getVar().getType();
      if (!Castability.isCastable(type, variable.getType())) {
        throw FlyteException.invalidArgument(
            "invalid default_input wrong type %s, expected %s, got %s instead",
            input.getKey(), ProtoText.render(type), ProtoText.render(variable.getType()));
      }
    }
    for (Map.Entry<String, Literal> input : fixed.entrySet()) {
      Variable variable = workflowInputs.get(input.getKey());
      if (variable == null) {
        throw FlyteException.invalidArgument("unexpected fixed_input %s", input.getKey());
      }
      String name = input.getKey();
      LiteralType type =
          LiteralTypeInference.inferType(input.getValue())
              .orElseThrow(
                  () ->
                      FlyteException.invalidArgument(
                          "Failed to validate literal type for [%s] with err: %s",
                          name, LiteralTypeInference.UNKNOWN_LITERAL_TYPE));
      if (!Castability.isCastable(type, variable.getType())) {
        throw FlyteException.invalidArgument(
            "invalid fixed_input wrong type %s, expected %s, got %s instead",
            name, ProtoText.render(variable.getType()), ProtoText.render(type));
      }
    }
    ParameterMap.Builder expected = ParameterMap.newBuilder();
    for (Map.Entry<String, Variable> input : workflowInputs.entrySet()) {
      Parameter given = defaults.get(input.getKey());
      if (given != null) {
        expected.putParameters(input.getKey(), given);
      } else if (!fixed.containsKey(input.getKey())) {
        expected.putParameters(
            input.getKey(),
            Parameter.newBuilder()
                .setVar(
                    Variable.newBuilder()
                        .setType(input.getValue().getType())
                        .setDescription(input.getValue().getDescription()))
                .setRequired(true)
                .build());
      }
    }
    return expected.build();
  }

  private static void validateSchedule(Schedule schedule, ParameterMap expected) {
    if (schedule.getCronExpression().isEmpty()
        && !schedule.hasRate()
        && !schedule.hasCronSchedule()) {
      return;
    }
    String kickoff = schedule.getKickoffTimeInputArg();
    for (Map.Entry<String, Parameter> input :
        new java.util.TreeMap<>(expected.getParametersMap()).entrySet()) {
      if (input.getValue().getRequired() && !input.getKey().equals(kickoff)) {
        throw FlyteException.invalidArgument(
            "Cannot create a launch plan with a schedule if there is an unbound required input."
                + " [%s] is required",
            input.getKey());
      }
    }
    if (!kickoff.isEmpty()) {
      Parameter parameter = expected.getParametersMap().get(kickoff);
      if (parameter == null) {
        throw FlyteException.invalidArgument(
            "Cannot create a schedule with a KickoffTimeInputArg that does not point to a free"
                + " input. [%s] is not free or does not exist.",
            kickoff);
      }
      LiteralType type = parameter.getVar().getType();
      if (!type.hasSimple() || type.getSimple() != SimpleType.DATETIME) {
        throw FlyteException.invalidArgument(
            "KickoffTimeInputArg must reference a datetime input. [%s] is a [%s]",
            kickoff, ProtoText.render(type));
      }
    }
    String cron =
        !schedule.getCronExpression().isEmpty()
            ? schedule.getCronExpression()
            : schedule.getCronSchedule().getSchedule();
    if (!cron.isEmpty()) {
      StandardCron.problem(cron)
          .ifPresent(
              problem -> {
                throw FlyteException.invalidArgument("Invalid cron expression: %s", problem);
              });
    }
  }

  private static void validateNotifications(List<Notification> notifications) {
    for (Notification notification : notifications) {
      List<String> recipients =
          switch (notification.getTypeCase()) {
            case EMAIL -> notification.getEmail().getRecipientsEmailList();
            case SLACK -> notification.getSlack().getRecipientsEmailList();
            case PAGER_DUTY -> notification.getPagerDuty().getRecipientsEmailList();
            default -> throw FlyteException.invalidArgument("invalid value for notification type");
          };
      if (recipients.isEmpty()) {
        throw FlyteException.invalidArgument("missing recipients");
      }
      if (recipients.stream().anyMatch(String::isEmpty)) {
        throw FlyteException.invalidArgument("missing recipient");
      }
      for (WorkflowExecution.Phase phase : notification.getPhasesList()) {
        if (!TERMINAL_PHASES.contains(phase)) {
          throw FlyteException.invalidArgument("invalid value for phase");
        }
      }
    }
  }

  /** SHA-256 of the deterministic binary serialization of the launch plan. */
  static byte[] digest(LaunchPlan launchPlan) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      launchPlan.writeTo(out);
      out.flush();
      return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A readable diff of two specs: one line per differing field path, old and new values in proto
   * text (Flyte prints JSON-diff lines; clients do not parse them).
   */
  static List<String> diff(Message before, Message after) {
    List<String> lines = new ArrayList<>();
    diff("", before, after, lines);
    return lines;
  }

  private static void diff(String path, Message before, Message after, List<String> lines) {
    Map<FieldDescriptor, Object> fields = new LinkedHashMap<>(before.getAllFields());
    after.getAllFields().forEach(fields::putIfAbsent);
    for (FieldDescriptor field : fields.keySet()) {
      Object old = before.getField(field);
      Object now = after.getField(field);
      if (old.equals(now)) {
        continue;
      }
      String name = path.isEmpty() ? field.getName() : path + "." + field.getName();
      if (!field.isRepeated()
          && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && before.hasField(field)
          && after.hasField(field)) {
        diff(name, (Message) old, (Message) now, lines);
      } else {
        lines.add("\t\t" + name + ":\n\t\t\t- " + text(old) + " \n\t\t\t+ " + text(now));
      }
    }
  }

  private static String text(Object value) {
    if (value instanceof Message message) {
      return "{" + ProtoText.render(message).strip() + "}";
    }
    return String.valueOf(value);
  }
}
