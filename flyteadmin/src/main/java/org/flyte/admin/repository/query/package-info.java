/**
 * Flyte's list language, shared by every List RPC: the {@code filters} string ({@link
 * org.flyte.admin.repository.query.FilterParser}), {@code sort_by} ({@link
 * org.flyte.admin.repository.query.SortOrder}), {@code limit} and the offset {@code token} ({@link
 * org.flyte.admin.repository.query.PageRequest}), and their SQL ({@link
 * org.flyte.admin.repository.query.SqlWhere}). Validation happens here, before any SQL runs, with
 * Flyte's messages; the repositories only choose tables, joins and implicit filters.
 */
package org.flyte.admin.repository.query;
