/**
 * FlyteAdmin's tables (Flyte v1.16.8's schema, created by Flyway V1) read and written with {@code
 * JdbcClient}: one repository per table, rows mapped to flyteidl messages, database failures
 * translated by {@link org.flyte.admin.repository.DatabaseErrors}. The list language lives in
 * {@code query}. See docs/adr/0011-admin-persistence-jdbcclient.md.
 */
package org.flyte.admin.repository;
