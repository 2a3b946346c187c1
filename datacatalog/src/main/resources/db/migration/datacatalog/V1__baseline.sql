-- DataCatalog schema of Flyte v1.16.8: what the Go datacatalog's gorm AutoMigrate of its seven models
-- creates on an empty database (datacatalog/pkg/repositories/models/*.go and handle.go).
-- Names, columns, types, nullability, keys and indexes match Go's exactly, so that either
-- implementation can serve a database made by the other:
--  * every statement is IF NOT EXISTS, so this runs cleanly over a database the Go datacatalog made;
--  * the Go datacatalog keeps no migration history: it re-runs AutoMigrate at start, which finds
--    everything present.
-- No sequences, no foreign keys, no deleted_at indexes (rows are hard-deleted), as in Go. Never change
-- Flyte's tables here: our own additions go in later migrations.

-- Note the key order: project, name, domain, version.
CREATE TABLE IF NOT EXISTS datasets (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  project text NOT NULL, name text NOT NULL, domain text NOT NULL, version text NOT NULL,
  uuid uuid CONSTRAINT datasets_uuid_key UNIQUE, serialized_metadata bytea,
  CONSTRAINT datasets_pkey PRIMARY KEY (project, name, domain, version));
CREATE INDEX IF NOT EXISTS dataset_name_idx ON datasets (name);
CREATE INDEX IF NOT EXISTS dataset_domain_idx ON datasets (domain);
CREATE INDEX IF NOT EXISTS dataset_version_idx ON datasets (version);

CREATE TABLE IF NOT EXISTS artifacts (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_project text NOT NULL, dataset_name text NOT NULL, dataset_domain text NOT NULL,
  dataset_version text NOT NULL, artifact_id text NOT NULL, dataset_uuid uuid, serialized_metadata bytea,
  CONSTRAINT artifacts_pkey
    PRIMARY KEY (dataset_project, dataset_name, dataset_domain, dataset_version, artifact_id));
CREATE INDEX IF NOT EXISTS artifacts_dataset_uuid_idx ON artifacts (dataset_uuid);

CREATE TABLE IF NOT EXISTS artifact_data (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_project text NOT NULL, dataset_name text NOT NULL, dataset_domain text NOT NULL,
  dataset_version text NOT NULL, artifact_id text NOT NULL, name text NOT NULL, location text,
  CONSTRAINT artifact_data_pkey
    PRIMARY KEY (dataset_project, dataset_name, dataset_domain, dataset_version, artifact_id, name));

CREATE TABLE IF NOT EXISTS tags (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_project text NOT NULL, dataset_name text NOT NULL, dataset_domain text NOT NULL,
  dataset_version text NOT NULL, tag_name text NOT NULL, artifact_id text, dataset_uuid uuid,
  CONSTRAINT tags_pkey PRIMARY KEY (dataset_project, dataset_name, dataset_domain, dataset_version, tag_name));
CREATE INDEX IF NOT EXISTS tags_dataset_uuid_idx ON tags (dataset_uuid);
CREATE INDEX IF NOT EXISTS tags_dataset_uuid_artifact_id_idx ON tags (dataset_uuid, artifact_id);

CREATE TABLE IF NOT EXISTS partition_keys (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_uuid uuid NOT NULL, name text NOT NULL,
  CONSTRAINT partition_keys_pkey PRIMARY KEY (dataset_uuid, name));

CREATE TABLE IF NOT EXISTS partitions (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_uuid uuid NOT NULL, key text NOT NULL, value text NOT NULL, artifact_id text NOT NULL,
  CONSTRAINT partitions_pkey PRIMARY KEY (dataset_uuid, key, value, artifact_id));
CREATE INDEX IF NOT EXISTS idx_partitions_artifact_id ON partitions (artifact_id);

-- Cache reservations (one owner per tag name until expires_at).
CREATE TABLE IF NOT EXISTS reservations (
  created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
  dataset_project text NOT NULL, dataset_name text NOT NULL, dataset_domain text NOT NULL,
  dataset_version text NOT NULL, tag_name text NOT NULL, owner_id text, expires_at timestamptz,
  serialized_metadata bytea,
  CONSTRAINT reservations_pkey
    PRIMARY KEY (dataset_project, dataset_name, dataset_domain, dataset_version, tag_name));
