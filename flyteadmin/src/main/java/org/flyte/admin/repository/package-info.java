/**
 * FlyteAdmin's tables (Flyte v1.16.8's schema, created by Flyway V1) read and written with {@code
 * JdbcClient}: one sub-package per capability ({@code project}, {@code task}, {@code workflow},
 * {@code launchplan}, {@code namedentity}, {@code description}, {@code resource}; executions and
 * events add theirs), one {@code @Repository} class per table or query family, rows mapped to
 * flyteidl messages. The list language and the {@code List*Ids} query live in {@code query}.
 *
 * <p>Database failures are translated once, where they leave a {@code @Repository} bean ({@link
 * org.flyte.common.persistence.RepositoryErrorTranslation}): a repository never wraps its calls,
 * and its callers see a {@code FlyteException} (ALREADY_EXISTS for a unique violation), never SQL
 * or driver text. Classes that are not {@code @Repository} beans do not touch the database. See
 * docs/adr/0011-admin-persistence-jdbcclient.md.
 */
package org.flyte.admin.repository;
