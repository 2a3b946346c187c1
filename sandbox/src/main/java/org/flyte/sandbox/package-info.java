/**
 * The one-command sandbox: FlyteAdmin, DataCatalog and FlyteScheduler in one JVM on an embedded
 * PostgreSQL and local-disk storage served over S3 ({@link org.flyte.sandbox.SandboxStorage}),
 * started by {@code ./sandbox.sh} ({@link org.flyte.sandbox.SandboxCommand}; options and ports in
 * {@link org.flyte.sandbox.SandboxSettings}). It is ready when all three apps listen ({@link
 * org.flyte.sandbox.SandboxReadiness}) and stops the apps together, then the S3 endpoint, then
 * PostgreSQL ({@link org.flyte.sandbox.Sandbox#close()}).
 */
package org.flyte.sandbox;
