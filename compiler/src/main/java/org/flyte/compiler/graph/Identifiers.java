package org.flyte.compiler.graph;

import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Identifier keys and ordering (Go: {@code compiler/common/id_set.go}, v1.16.8). Two identifiers
 * are the same entity when every field is equal (resource type, project, domain, name, version,
 * org), which is when Flyte's text renderings of them, its index keys, are equal; the rendering is
 * how identifiers appear in error messages.
 */
public final class Identifiers {

  /** Flyte's order for requirement lists: resource type, project, domain, name, version. */
  public static final Comparator<Identifier> ORDER =
      Comparator.comparingInt(Identifier::getResourceTypeValue)
          .thenComparing(Identifier::getProject)
          .thenComparing(Identifier::getDomain)
          .thenComparing(Identifier::getName)
          .thenComparing(Identifier::getVersion);

  private Identifiers() {}

  /** The index key of {@code id} ({@code <nil>} for null). */
  public static String key(Identifier id) {
    return ProtoText.render(id);
  }

  /** {@code ids} without duplicates (equal in every field), sorted by {@link #ORDER}. */
  public static List<Identifier> distinctSorted(Collection<Identifier> ids) {
    return new LinkedHashSet<>(ids).stream().sorted(ORDER).toList();
  }
}
