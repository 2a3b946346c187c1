/**
 * The FlyteAdmin load driver: registration throughput and List latencies over a project with
 * 100,000 versions, with the plans of the statements the RPCs ran.
 */
package org.flyte.bench.admin;
