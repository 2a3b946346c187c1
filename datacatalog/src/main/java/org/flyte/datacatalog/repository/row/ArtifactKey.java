package org.flyte.datacatalog.repository.row;

/** The primary key of {@code artifacts}: the dataset's four key columns and the artifact id. */
public record ArtifactKey(
    String datasetProject,
    String datasetName,
    String datasetDomain,
    String datasetVersion,
    String artifactId) {

  public static ArtifactKey of(DatasetKey dataset, String artifactId) {
    return new ArtifactKey(
        dataset.project(), dataset.name(), dataset.domain(), dataset.version(), artifactId);
  }

  public DatasetKey dataset() {
    return new DatasetKey(datasetProject, datasetName, datasetDomain, datasetVersion);
  }
}
