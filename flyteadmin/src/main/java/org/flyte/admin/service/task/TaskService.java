package org.flyte.admin.service.task;

import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.TaskOuterClass.TaskClosure;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateResponse;
import flyteidl.admin.TaskOuterClass.TaskList;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Tasks.Resources;
import flyteidl.core.Tasks.Resources.ResourceEntry;
import flyteidl.core.Tasks.Resources.ResourceName;
import flyteidl.core.Tasks.TaskTemplate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.config.TaskTypeWhitelistProperties;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.task.TaskRepository;
import org.flyte.admin.service.digest.Digests;
import org.flyte.admin.service.digest.StructureDiff;
import org.flyte.admin.service.project.ProjectDomainValidator;
import org.flyte.admin.service.validation.IdentifierValidator;
import org.flyte.admin.service.validation.ListRequests;
import org.flyte.admin.service.validation.Validation;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.Quantity;
import org.flyte.compiler.TaskCompiler;
import org.flyte.compiler.errors.CompileException;
import org.flyte.compiler.graph.ProtoText;
import org.springframework.stereotype.Service;

/**
 * Task registration and lookup. Follows {@code flyteadmin/pkg/manager/impl/task_manager.go} and
 * {@code validation/task_validator.go} (v1.16.8): validation in Flyte's order, compilation, the
 * objecthash digest, insertion first and a digest comparison on conflict (identical →
 * ALREADY_EXISTS, different → INVALID_ARGUMENT with the differences).
 */
@Service
public class TaskService {

  private final TaskRepository tasks;
  private final ProjectDomainValidator projects;
  private final TaskResourceLimits resourceLimits;
  private final TaskTypeWhitelistProperties whitelist;
  private final Clock clock;

  public TaskService(
      TaskRepository tasks,
      ProjectDomainValidator projects,
      TaskResourceLimits resourceLimits,
      TaskTypeWhitelistProperties whitelist) {
    this.tasks = tasks;
    this.projects = projects;
    this.resourceLimits = resourceLimits;
    this.whitelist = whitelist;
    this.clock = Clock.systemUTC();
  }

  public TaskCreateResponse create(TaskCreateRequest request) {
    Identifier id = request.getId();
    Validation.identifier(id, request.hasId(), ResourceType.TASK);
    // before anything reads with it: a project or domain no storage key or query may see
    IdentifierValidator.validate(id);
    Map<ResourceName, Quantity> platformLimits =
        resourceLimits.limits(id.getProject(), id.getDomain());
    projects.requireActive(id.getProject(), id.getDomain());
    if (!request.hasSpec() || !request.getSpec().hasTemplate()) {
      throw Validation.missing("spec");
    }
    TaskTemplate template = request.getSpec().getTemplate();
    validateTemplate(id, template, platformLimits);

    TaskTemplate withId = template.toBuilder().setId(id).build();
    CompiledTask compiled;
    try {
      compiled = TaskCompiler.compileTask(withId);
    } catch (CompileException e) {
      throw FlyteException.invalidArgument("task failed compilation with %s", e.text());
    }
    byte[] digest = Digests.of(compiled);
    Instant now = clock.instant();
    TaskClosure closure =
        TaskClosure.newBuilder()
            .setCompiledTask(compiled)
            .setCreatedAt(
                Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
            .build();
    Optional<DescriptionEntity> description =
        request.getSpec().hasDescription()
            ? Optional.of(request.getSpec().getDescription())
            : Optional.empty();
    try {
      tasks.create(id, closure, digest, template.getType(), description, now);
    } catch (FlyteException e) {
      if (e.code() != ErrorCode.ALREADY_EXISTS) {
        throw e;
      }
      Task existing = tasks.find(id).orElseThrow(() -> e);
      byte[] existingDigest = tasks.digest(id).orElse(new byte[0]);
      if (Arrays.equals(existingDigest, digest)) {
        throw FlyteException.alreadyExists("task with identical structure already exists");
      }
      throw FlyteException.invalidArgument(
          "%s task with different structure already exists. (Please register a new version of"
              + " the task):\n%s",
          id.getName(), StructureDiff.lines(existing.getClosure().getCompiledTask(), compiled));
    }
    return TaskCreateResponse.getDefaultInstance();
  }

  public Task get(ObjectGetRequest request) {
    Identifier id = Validation.withType(request.getId(), ResourceType.TASK);
    return tasks
        .find(id)
        .orElseThrow(
            () ->
                FlyteException.notFound(
                    "missing entity of type TASK with identifier %s",
                    ProtoText.render(id.toBuilder().clearResourceType())));
  }

  public TaskList list(ResourceListRequest request) {
    ListRequests.resourceList(request);
    List<Filter> filters = new ArrayList<>();
    filters.add(Filter.eq(FilterEntity.TASK, "project", request.getId().getProject()));
    filters.add(Filter.eq(FilterEntity.TASK, "domain", request.getId().getDomain()));
    if (!request.getId().getName().isEmpty()) {
      filters.add(Filter.eq(FilterEntity.TASK, "name", request.getId().getName()));
    }
    filters.addAll(FilterParser.parse(request.getFilters(), FilterEntity.TASK));
    Optional<SortOrder> sort = SortOrder.of(request.getSortBy(), FilterEntity.TASK);
    PageRequest page = PageRequest.of(request.getLimit(), request.getToken(), "ListTasks");
    List<Task> found = tasks.list(filters, sort, page);
    return TaskList.newBuilder().addAllTasks(found).setToken(page.nextToken(found.size())).build();
  }

  public NamedEntityIdentifierList listIds(NamedEntityIdentifierListRequest request) {
    ListRequests.identifierList(request);
    Optional<SortOrder> sort = SortOrder.of(request.getSortBy(), FilterEntity.TASK);
    PageRequest page = PageRequest.of(request.getLimit(), request.getToken(), "ListTaskIds");
    var ids = tasks.listIds(request.getProject(), request.getDomain(), sort, page);
    return NamedEntityIdentifierList.newBuilder()
        .addAllEntities(ids)
        .setToken(page.nextToken(ids.size()))
        .build();
  }

  private void validateTemplate(
      Identifier id, TaskTemplate template, Map<ResourceName, Quantity> platformLimits) {
    Validation.requireNonEmpty(template.getType(), "type");
    if (!whitelist.allows(template.getType(), id.getProject(), id.getDomain())) {
      throw FlyteException.invalidArgument("task type must be whitelisted before use");
    }
    if (!template.hasMetadata()) {
      throw Validation.missing("metadata");
    }
    if (template.getMetadata().hasRuntime()) {
      Validation.requireNonEmpty(
          template.getMetadata().getRuntime().getVersion(), "runtime version");
    }
    if (!template.hasInterface()) {
      throw Validation.missing("typed interface");
    }
    // Flyte names the template's own id (not yet replaced by the request's) in these messages.
    String templateId = template.hasId() ? ProtoText.render(template.getId()) : "<nil>";
    if (template.hasContainer()) {
      Validation.requireNonEmpty(template.getContainer().getImage(), "image");
      if (template.getContainer().hasResources()) {
        Resources resources = template.getContainer().getResources();
        validateResources(
            templateId,
            quantities(templateId, resources.getRequestsList()),
            quantities(templateId, resources.getLimitsList()),
            platformLimits);
      }
    } else if (template.hasK8SPod()) {
      if (!template.getK8SPod().hasPodSpec()) {
        throw FlyteException.invalidArgument(
            "invalid TaskSpecification, pod tasks should specify their target as a K8sPod with a"
                + " defined pod spec");
      }
      Value containers = template.getK8SPod().getPodSpec().getFieldsMap().get("containers");
      if (containers != null && containers.hasListValue()) {
        for (Value container : containers.getListValue().getValuesList()) {
          Struct resources =
              container
                  .getStructValue()
                  .getFieldsOrDefault("resources", Value.getDefaultInstance())
                  .getStructValue();
          validateResources(
              templateId,
              podQuantities(resources, "requests"),
              podQuantities(resources, "limits"),
              platformLimits);
        }
      }
    }
  }

  /** A pod container's {@code requests} or {@code limits}, by Flyte's resource names. */
  private static Map<ResourceName, Quantity> podQuantities(Struct resources, String kind) {
    Map<ResourceName, Quantity> out = new EnumMap<>(ResourceName.class);
    Struct list = resources.getFieldsOrDefault(kind, Value.getDefaultInstance()).getStructValue();
    for (Map.Entry<String, Value> entry : list.getFieldsMap().entrySet()) {
      String name =
          entry.getKey().equals("ephemeral-storage") ? "EPHEMERAL_STORAGE" : entry.getKey();
      ResourceName resource;
      try {
        resource = ResourceName.valueOf(name.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException notFlytes) {
        continue;
      }
      Value value = entry.getValue();
      String text =
          value.hasNumberValue()
              ? new java.math.BigDecimal(value.getNumberValue())
                  .stripTrailingZeros()
                  .toPlainString()
              : value.getStringValue();
      try {
        out.put(resource, Quantity.parse(text));
      } catch (IllegalArgumentException e) {
        throw FlyteException.invalidArgument(
            "invalid pod spec: %s %s [%s] is not a quantity: %s",
            kind, entry.getKey(), text, e.getMessage());
      }
    }
    return out;
  }

  private static void validateResources(
      String id,
      Map<ResourceName, Quantity> requests,
      Map<ResourceName, Quantity> limits,
      Map<ResourceName, Quantity> platformLimits) {
    for (Map.Entry<ResourceName, Quantity> entry : requests.entrySet()) {
      ResourceName name = entry.getKey();
      Quantity request = entry.getValue();
      Quantity limit = limits.get(name);
      Quantity platform = platformLimits.get(name);
      if (name == ResourceName.GPU) {
        if (limit != null && limit.value() != request.value()) {
          throw FlyteException.invalidArgument(
              "For extended resource 'gpu' the default value must equal the limit value for task"
                  + " [%s]",
              id);
        }
        if (platform != null && request.value() > platform.value()) {
          throw platformExceeded(name, "default", request, platform);
        }
        continue;
      }
      if (limit != null && limit.value() < request.value()) {
        throw FlyteException.invalidArgument(
            "Requested %s default [%s] is greater than the limit [%s]. Please fix your"
                + " configuration",
            name, request, limit);
      }
      if (limit != null && platform != null && limit.value() > platform.value()) {
        throw platformExceeded(name, "limit", limit, platform);
      }
      if (platform != null && request.value() > platform.value()) {
        throw platformExceeded(name, "default", request, platform);
      }
    }
  }

  private static FlyteException platformExceeded(
      ResourceName name, String kind, Quantity requested, Quantity platform) {
    return FlyteException.invalidArgument(
        "Requested %s %s [%s] is greater than current limit set in the platform configuration"
            + " [%s]. Please contact Flyte Admins to change these limits or consult the"
            + " configuration",
        name, kind, requested, platform);
  }

  private static Map<ResourceName, Quantity> quantities(String id, List<ResourceEntry> entries) {
    Map<ResourceName, Quantity> out = new EnumMap<>(ResourceName.class);
    for (ResourceEntry entry : entries) {
      ResourceName name = entry.getName();
      if (name != ResourceName.CPU
          && name != ResourceName.MEMORY
          && name != ResourceName.GPU
          && name != ResourceName.EPHEMERAL_STORAGE) {
        continue;
      }
      if (out.containsKey(name)) {
        throw FlyteException.invalidArgument(
            "can't specify %s limit for task [%s] multiple times", name, id);
      }
      Quantity quantity;
      try {
        quantity = Quantity.parse(entry.getValue());
      } catch (IllegalArgumentException e) {
        throw FlyteException.invalidArgument(
            "Parsing of %s request failed for value %s - reason  %s. Please follow K8s"
                + " conventions for resources"
                + " https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
            name, entry.getValue(), e.getMessage());
      }
      if (name == ResourceName.GPU && !quantity.isWhole()) {
        throw FlyteException.invalidArgument(
            "gpu for [%s] must be a whole number, got: %s instead", id, entry.getValue());
      }
      out.put(name, quantity);
    }
    return out;
  }
}
