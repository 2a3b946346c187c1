package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** The primary key of {@code artifacts}: the dataset's four key columns and the artifact id. */
@Embeddable
public record ArtifactKey(
    @Column(name = "dataset_project") String datasetProject,
    @Column(name = "dataset_name") String datasetName,
    @Column(name = "dataset_domain") String datasetDomain,
    @Column(name = "dataset_version") String datasetVersion,
    @Column(name = "artifact_id") String artifactId)
    implements Serializable {

  public static ArtifactKey of(DatasetKey dataset, String artifactId) {
    return new ArtifactKey(
        dataset.project(), dataset.name(), dataset.domain(), dataset.version(), artifactId);
  }

  public DatasetKey dataset() {
    return new DatasetKey(datasetProject, datasetName, datasetDomain, datasetVersion);
  }
}
