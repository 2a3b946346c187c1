package org.flyte.admin.service.validation;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.util.Locale;
import org.flyte.common.error.FlyteException;
import org.flyte.compiler.graph.ProtoText;

/**
 * The request checks shared by the registration RPCs, with Flyte's messages. Follows {@code
 * flyteadmin/pkg/manager/impl/validation/validation.go} (v1.16.8).
 */
public final class Validation {

  private Validation() {}

  public static FlyteException missing(String field) {
    return FlyteException.invalidArgument("missing %s", field);
  }

  public static void requireNonEmpty(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw missing(field);
    }
  }

  /** {@code ValidateIdentifier}: present, of the expected type, every field set. */
  public static void identifier(Identifier id, boolean present, ResourceType expected) {
    if (!present) {
      throw missing("id");
    }
    if (id.getResourceType() != expected) {
      throw FlyteException.invalidArgument(
          "unexpected resource type %s for identifier [%s], expected %s instead",
          id.getResourceType().name().toLowerCase(Locale.ROOT),
          ProtoText.render(id),
          expected.name().toLowerCase(Locale.ROOT));
    }
    identifierFields(id, true);
  }

  /** {@code ValidateIdentifierFieldsSet}. */
  public static void identifierFields(Identifier id, boolean present) {
    if (!present) {
      throw missing("id");
    }
    requireNonEmpty(id.getProject(), "project");
    requireNonEmpty(id.getDomain(), "domain");
    requireNonEmpty(id.getName(), "name");
    requireNonEmpty(id.getVersion(), "version");
  }

  /** {@code ValidateNamedEntityIdentifier}. */
  public static void namedEntityIdentifier(NamedEntityIdentifier id, boolean present) {
    if (!present) {
      throw missing("id");
    }
    requireNonEmpty(id.getProject(), "project");
    requireNonEmpty(id.getDomain(), "domain");
    requireNonEmpty(id.getName(), "name");
  }

  /** {@code ValidateResourceType}. */
  public static void resourceType(ResourceType type) {
    if (type == ResourceType.UNSPECIFIED || type == ResourceType.UNRECOGNIZED) {
      throw FlyteException.invalidArgument("invalid value for resource_type");
    }
  }

  public static Identifier withType(Identifier id, ResourceType type) {
    return id.getResourceType() == ResourceType.UNSPECIFIED
        ? id.toBuilder().setResourceType(type).build()
        : id;
  }
}
