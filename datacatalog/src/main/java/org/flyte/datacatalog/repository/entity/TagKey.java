package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** The primary key of {@code tags} (and of {@code reservations}): the dataset and a tag name. */
@Embeddable
public record TagKey(
    @Column(name = "dataset_project") String datasetProject,
    @Column(name = "dataset_name") String datasetName,
    @Column(name = "dataset_domain") String datasetDomain,
    @Column(name = "dataset_version") String datasetVersion,
    @Column(name = "tag_name") String tagName)
    implements Serializable {

  public static TagKey of(DatasetKey dataset, String tagName) {
    return new TagKey(
        dataset.project(), dataset.name(), dataset.domain(), dataset.version(), tagName);
  }
}
