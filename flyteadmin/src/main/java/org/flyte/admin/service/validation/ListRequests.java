package org.flyte.admin.service.validation;

import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ResourceListRequest;
import org.flyte.common.error.FlyteException;

/**
 * The request checks of the List RPCs. Follows {@code ValidateResourceListRequest} and {@code
 * ValidateNamedEntityIdentifierListRequest} in {@code
 * flyteadmin/pkg/manager/impl/validation/validation.go} (v1.16.8).
 */
public final class ListRequests {

  private ListRequests() {}

  public static void resourceList(ResourceListRequest request) {
    if (!request.hasId()) {
      throw Validation.missing("id");
    }
    Validation.requireNonEmpty(request.getId().getProject(), "project");
    Validation.requireNonEmpty(request.getId().getDomain(), "domain");
    limit(request.getLimit());
  }

  public static void identifierList(NamedEntityIdentifierListRequest request) {
    Validation.requireNonEmpty(request.getProject(), "project");
    Validation.requireNonEmpty(request.getDomain(), "domain");
    limit(request.getLimit());
  }

  /** {@code ValidateLimit}: the {@code uint32} limit is not 0 (any other value is accepted). */
  public static void limit(int limit) {
    if (limit == 0) {
      throw FlyteException.invalidArgument("invalid value for limit");
    }
  }
}
