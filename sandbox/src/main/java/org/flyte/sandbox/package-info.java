/**
 * The one-command sandbox: FlyteAdmin, DataCatalog and FlyteScheduler in one JVM on an embedded
 * PostgreSQL and local-disk storage, started by {@code ./sandbox.sh}.
 */
package org.flyte.sandbox;
