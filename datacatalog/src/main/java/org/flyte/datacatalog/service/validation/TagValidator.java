package org.flyte.datacatalog.service.validation;

import datacatalog.Datacatalog.Tag;

/**
 * AddTag requests. Follows {@code datacatalog/pkg/manager/impl/validators/tag_validator.go}
 * (v1.16.8).
 */
public final class TagValidator {

  private TagValidator() {}

  public static void validate(boolean present, Tag tag) {
    if (!present) {
      throw ValidationErrors.missing("tag");
    }
    DatasetValidator.validateId(tag.hasDataset(), tag.getDataset());
    ValidationErrors.requireNonEmpty(tag.getName(), "tagName");
    ValidationErrors.requireNonEmpty(tag.getArtifactId(), "artifactID");
  }
}
