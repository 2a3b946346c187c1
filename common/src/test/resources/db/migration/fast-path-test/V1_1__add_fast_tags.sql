-- A second migration, so that a test can leave it pending.
CREATE TABLE IF NOT EXISTS fast_tags (id integer PRIMARY KEY, note_id integer NOT NULL);
