package org.flyte.admin.service.description;

import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityList;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntityListRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flyte.admin.repository.description.DescriptionEntityRepository;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.service.validation.ListRequests;
import org.flyte.admin.service.validation.Validation;
import org.flyte.common.error.FlyteException;
import org.springframework.stereotype.Service;

/**
 * Description entities, written by task and workflow registration. Follows {@code
 * flyteadmin/pkg/manager/impl/description_entity_manager.go} (v1.16.8), quirks included: listing
 * needs {@code id.name}; filters are checked against the columns of the entity the resource type
 * names but the query does not filter on the resource type; a bad token names ListWorkflows.
 */
@Service
public class DescriptionEntityService {

  private static final Set<String> SORT_COLUMNS =
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

  public DescriptionEntity get(ObjectGetRequest request) {
    Identifier id = Validation.withType(request.getId(), ResourceType.TASK);
    Validation.resourceType(id.getResourceType());
    Validation.identifierFields(id, request.hasId());
    return descriptions.find(id).orElseThrow(() -> FlyteException.notFound("entry not found"));
  }

  public DescriptionEntityList list(DescriptionEntityListRequest request) {
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
    Optional<SortOrder> sort = sortOrder(request.getSortBy());
    PageRequest page = PageRequest.of(request.getLimit(), request.getToken(), "ListWorkflows");
    List<DescriptionEntity> found = descriptions.list(filters, sort, page);
    return DescriptionEntityList.newBuilder()
        .addAllDescriptionEntities(found)
        .setToken(page.nextToken(found.size()))
        .build();
  }

  private static Optional<SortOrder> sortOrder(Sort sort) {
    if (sort.getKey().isEmpty()) {
      return Optional.empty();
    }
    if (!SORT_COLUMNS.contains(sort.getKey())) {
      throw FlyteException.invalidArgument("invalid sort key '%s'", sort.getKey());
    }
    return Optional.of(
        new SortOrder(sort.getKey(), sort.getDirection() == Sort.Direction.ASCENDING));
  }
}
