/**
 * The test kit every module's tests share (test scope only): {@link org.flyte.testing.TestPostgres}
 * creates databases with random names on the JVM's test server, embedded by default or external
 * when {@code FLYTE_TEST_DATABASE_URL} names one; {@link org.flyte.testing.SchemaSnapshot} compares
 * database catalogs; {@link org.flyte.testing.RawGrpc} sends request bytes no client would send;
 * {@link org.flyte.testing.ChildJvm} runs a main class in a second JVM, to be killed or stopped as
 * a user would; {@link org.flyte.testing.LocalHttp} probes a local HTTP port; {@link
 * org.flyte.testing.TempPaths} makes temporary directories that are removed when the JVM exits.
 */
package org.flyte.testing;
