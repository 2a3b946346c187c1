package org.flyte.admin.service;

import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityList;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityListRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flyte.admin.repository.DescriptionEntityRepository;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.common.error.FlyteException;
import org.springframework.stereotype.Service;

/**
 * Reads of the descriptions CreateTask and CreateWorkflow store. Follows {@code
 * flyteadmin/pkg/manager/impl/description_entity_manager.go} (v1.16.8), quirks included: the list
 * needs {@code id.name}; its filters are checked against the columns of the task, workflow or
 * launch plan entity the resource type names, and the query does not restrict the resource type.
 */
@Service
public class DescriptionEntityService {

  /** Flyte's {@code models.DescriptionEntityColumns}: the sort keys a list accepts. */
  private static final Set<String> COLUMNS =
      Set.of(
          "id",
          "created_at",
          "updated_at",
          "deleted_at",
          "resource_type",
          "project",
          "domain",
          "name",
          "version",
          "short_description",
          "long_description",
          "link");

  private final DescriptionEntityRepository descriptions;

  public DescriptionEntityService(DescriptionEntityRepository descriptions) {
    this.descriptions = descriptions;
  }

  public DescriptionEntity getDescriptionEntity(ObjectGetRequest request) {
    Identifier id = Validation.withType(request.getId(), ResourceType.TASK);
    Validation.resourceType(id.getResourceType());
    Validation.identifierFields(id, request.hasId());
    return descriptions.find(id).orElseThrow(() -> FlyteException.notFound("entry not found"));
  }

  public DescriptionEntityList listDescriptionEntities(DescriptionEntityListRequest request) {
    if (!request.hasId()) {
      throw Validation.missing("id");
    }
    Validation.requireNonEmpty(request.getId().getProject(), "project");
    Validation.requireNonEmpty(request.getId().getDomain(), "domain");
    Validation.requireNonEmpty(request.getId().getName(), "name");
    ListRequests.limit(request.getLimit());

    FilterEntity entity =
        switch (request.getResourceType()) {
          case WORKFLOW -> FilterEntity.WORKFLOW;
          case LAUNCH_PLAN -> FilterEntity.LAUNCH_PLAN;
          default -> FilterEntity.TASK;
        };
    List<Filter> filters = new ArrayList<>();
    filters.add(Filter.eq(entity, "project", request.getId().getProject()));
    filters.add(Filter.eq(entity, "domain", request.getId().getDomain()));
    filters.add(Filter.eq(entity, "name", request.getId().getName()));
    filters.addAll(FilterParser.parse(request.getFilters(), entity));
    Optional<SortOrder> sort = Optional.empty();
    if (request.hasSortBy() && !request.getSortBy().getKey().isEmpty()) {
      String key = request.getSortBy().getKey();
      if (!COLUMNS.contains(key)) {
        throw FlyteException.invalidArgument("invalid sort key '%s'", key);
      }
      sort =
          Optional.of(
              new SortOrder(
                  key,
                  request.getSortBy().getDirection()
                      == flyteidl.admin.Common.Sort.Direction.ASCENDING));
    }
    // Flyte names the wrong RPC in this message.
    PageRequest page = PageRequest.of(request.getLimit(), request.getToken(), "ListWorkflows");
    List<DescriptionEntity> found = descriptions.list(filters, sort, page);
    return DescriptionEntityList.newBuilder()
        .addAllDescriptionEntities(found)
        .setToken(page.nextToken(found.size()))
        .build();
  }
}
