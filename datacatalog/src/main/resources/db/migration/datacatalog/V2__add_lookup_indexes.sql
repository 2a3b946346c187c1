-- Our own indexes (not Flyte's): every lookup path of the service is index-backed, so that a cache
-- miss never scans, however large the catalog. Flyte's tables are not changed; a Go datacatalog
-- ignores these indexes. IF NOT EXISTS keeps the script re-runnable over a database where an operator
-- created them by hand (for a large existing database, create them CONCURRENTLY first).
--
-- Already covered by Flyte's keys: GetDataset (datasets_pkey), GetArtifact by tag (tags_pkey, then
-- artifacts_pkey), artifact data (artifact_data_pkey prefix), partition keys (partition_keys_pkey
-- prefix), an artifact's tags (tags_dataset_uuid_artifact_id_idx), reservations (reservations_pkey).

-- GetArtifact / UpdateArtifact by artifact id without a dataset: Flyte looks the id up across all
-- datasets, which its primary key (dataset columns first) cannot serve.
CREATE INDEX IF NOT EXISTS datacatalog_artifacts_artifact_id_idx ON artifacts (artifact_id);

-- ListArtifacts: one dataset's artifacts in creation order, newest first by default.
CREATE INDEX IF NOT EXISTS datacatalog_artifacts_dataset_uuid_created_at_idx
  ON artifacts (dataset_uuid, created_at);

-- ListDatasets: all datasets in creation order (the filters are served by datasets_pkey and
-- Flyte's name/domain/version indexes).
CREATE INDEX IF NOT EXISTS datacatalog_datasets_created_at_idx ON datasets (created_at);

-- An artifact's partitions (Flyte loads them by artifact id; we also match the dataset).
CREATE INDEX IF NOT EXISTS datacatalog_partitions_dataset_uuid_artifact_id_idx
  ON partitions (dataset_uuid, artifact_id);
