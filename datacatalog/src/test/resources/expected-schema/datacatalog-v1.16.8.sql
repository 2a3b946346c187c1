-- The DataCatalog schema of Flyte v1.16.8 as a Go datacatalog leaves it on an empty database:
-- the DDL that GORM's AutoMigrate derives from datacatalog/pkg/repositories/models/*.go
-- (datacatalog/pkg/repositories/handle.go, v1.16.8), reconstructed once and kept verbatim. The schema
-- tests compare our Flyway V1 against it; do not edit it to make a test pass.

CREATE TABLE datasets (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, name text NOT NULL, domain text NOT NULL, version text NOT NULL,
  uuid uuid CONSTRAINT datasets_uuid_key UNIQUE, serialized_metadata bytea,
  CONSTRAINT datasets_pkey PRIMARY KEY (project, name, domain, version));
CREATE INDEX dataset_name_idx ON datasets (name);
CREATE INDEX dataset_domain_idx ON datasets (domain);
CREATE INDEX dataset_version_idx ON datasets (version);

CREATE TABLE artifacts (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_project text NOT NULL, dataset_name text NOT NULL, dataset_domain text NOT NULL,
  dataset_version text NOT NULL, artifact_id text NOT NULL, dataset_uuid uuid, serialized_metadata bytea,
  CONSTRAINT artifacts_pkey
    PRIMARY KEY (dataset_project, dataset_name, dataset_domain, dataset_version, artifact_id));
CREATE INDEX artifacts_dataset_uuid_idx ON artifacts (dataset_uuid);

CREATE TABLE artifact_data (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_project text NOT NULL, dataset_name text NOT NULL, dataset_domain text NOT NULL,
  dataset_version text NOT NULL, artifact_id text NOT NULL, name text NOT NULL, location text,
  CONSTRAINT artifact_data_pkey
    PRIMARY KEY (dataset_project, dataset_name, dataset_domain, dataset_version, artifact_id, name));

CREATE TABLE tags (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_project text NOT NULL, dataset_name text NOT NULL, dataset_domain text NOT NULL,
  dataset_version text NOT NULL, tag_name text NOT NULL, artifact_id text, dataset_uuid uuid,
  CONSTRAINT tags_pkey PRIMARY KEY (dataset_project, dataset_name, dataset_domain, dataset_version, tag_name));
CREATE INDEX tags_dataset_uuid_idx ON tags (dataset_uuid);
CREATE INDEX tags_dataset_uuid_artifact_id_idx ON tags (dataset_uuid, artifact_id);

CREATE TABLE partition_keys (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_uuid uuid NOT NULL, name text NOT NULL,
  CONSTRAINT partition_keys_pkey PRIMARY KEY (dataset_uuid, name));

CREATE TABLE partitions (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_uuid uuid NOT NULL, key text NOT NULL, value text NOT NULL, artifact_id text NOT NULL,
  CONSTRAINT partitions_pkey PRIMARY KEY (dataset_uuid, key, value, artifact_id));
CREATE INDEX idx_partitions_artifact_id ON partitions (artifact_id);

CREATE TABLE reservations (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_project text NOT NULL, dataset_name text NOT NULL, dataset_domain text NOT NULL,
  dataset_version text NOT NULL, tag_name text NOT NULL, owner_id text, expires_at timestamptz,
  serialized_metadata bytea,
  CONSTRAINT reservations_pkey
    PRIMARY KEY (dataset_project, dataset_name, dataset_domain, dataset_version, tag_name));
