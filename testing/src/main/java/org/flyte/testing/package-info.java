/**
 * The test kit every module's tests share (test scope only): {@link org.flyte.testing.TestPostgres}
 * gives each test a fresh database on the JVM's test server, embedded by default or external when
 * {@code FLYTE_TEST_DATABASE_URL} names one; {@link org.flyte.testing.SchemaSnapshot} compares
 * database catalogs; {@link org.flyte.testing.RawGrpc} sends request bytes no client would send.
 */
package org.flyte.testing;
