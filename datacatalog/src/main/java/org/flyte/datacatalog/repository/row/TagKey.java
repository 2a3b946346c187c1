package org.flyte.datacatalog.repository.row;

/** The primary key of {@code tags} (and of {@code reservations}): the dataset and a tag name. */
public record TagKey(
    String datasetProject,
    String datasetName,
    String datasetDomain,
    String datasetVersion,
    String tagName) {

  public static TagKey of(DatasetKey dataset, String tagName) {
    return new TagKey(
        dataset.project(), dataset.name(), dataset.domain(), dataset.version(), tagName);
  }
}
