package org.flyte.admin.service.namedentity;

import flyteidl.admin.Common.NamedEntity;
import flyteidl.admin.Common.NamedEntityGetRequest;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityList;
import flyteidl.admin.Common.NamedEntityListRequest;
import flyteidl.admin.Common.NamedEntityState;
import flyteidl.admin.Common.NamedEntityUpdateRequest;
import flyteidl.admin.Common.NamedEntityUpdateResponse;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flyte.admin.repository.namedentity.NamedEntityRepository;
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
 * Named entities: a name with at least one registered version, plus its description and state.
 * Follows {@code flyteadmin/pkg/manager/impl/named_entity_manager.go} and {@code
 * validation/named_entity_validator.go} (v1.16.8): only tasks, workflows and launch plans can be
 * archived; a list without filters hides {@code .flytegen} names.
 */
@Service
public class NamedEntityService {

  private static final Set<ResourceType> ARCHIVABLE =
      Set.of(ResourceType.TASK, ResourceType.WORKFLOW, ResourceType.LAUNCH_PLAN);

  private final NamedEntityRepository namedEntities;
  private final Clock clock = Clock.systemUTC();

  public NamedEntityService(NamedEntityRepository namedEntities) {
    this.namedEntities = namedEntities;
  }

  public NamedEntity get(NamedEntityGetRequest request) {
    Validation.resourceType(request.getResourceType());
    Validation.namedEntityIdentifier(request.getId(), request.hasId());
    return find(request.getResourceType(), request.getId());
  }

  private NamedEntity find(ResourceType type, NamedEntityIdentifier id) {
    return namedEntities
        .find(type, id)
        .orElseThrow(() -> FlyteException.notFound("entry not found"));
  }

  public NamedEntityUpdateResponse update(NamedEntityUpdateRequest request) {
    ResourceType type = request.getResourceType();
    Validation.resourceType(type);
    Validation.namedEntityIdentifier(request.getId(), request.hasId());
    if (!request.hasMetadata()) {
      throw Validation.missing("metadata");
    }
    if (request.getMetadata().getState() != NamedEntityState.NAMED_ENTITY_ACTIVE
        && !ARCHIVABLE.contains(type)) {
      throw FlyteException.invalidArgument(
          "Resource [%s] cannot have its state updated", type.name());
    }
    find(type, request.getId());
    namedEntities.upsertMetadata(type, request.getId(), request.getMetadata(), clock.instant());
    return NamedEntityUpdateResponse.getDefaultInstance();
  }

  public NamedEntityList list(NamedEntityListRequest request) {
    Validation.requireNonEmpty(request.getProject(), "project");
    Validation.requireNonEmpty(request.getDomain(), "domain");
    Validation.resourceType(request.getResourceType());
    ListRequests.limit(request.getLimit());
    String filterText =
        request.getFilters().isEmpty() ? "not_like(name,.flytegen%)" : request.getFilters();
    List<Filter> filters = FilterParser.parse(filterText, FilterEntity.NAMED_ENTITY);
    Optional<SortOrder> sort = SortOrder.of(request.getSortBy(), FilterEntity.NAMED_ENTITY);
    PageRequest page = PageRequest.of(request.getLimit(), request.getToken(), "ListNamedEntities");
    List<NamedEntity> found =
        namedEntities.list(
            request.getResourceType(),
            request.getProject(),
            request.getDomain(),
            filters,
            sort,
            page);
    return NamedEntityList.newBuilder()
        .addAllEntities(found)
        .setToken(page.nextToken(found.size()))
        .build();
  }
}
