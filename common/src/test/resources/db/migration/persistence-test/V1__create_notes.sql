-- A one-table schema for the tests of org.flyte.common.persistence.
CREATE TABLE IF NOT EXISTS notes (id integer PRIMARY KEY, body text NOT NULL);
