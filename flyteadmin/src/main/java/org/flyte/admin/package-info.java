/**
 * FlyteAdmin: the Flyte v1 admin service (gRPC on 8089, REST on 8088). {@code api} is the thin gRPC
 * edge, {@code service} the domain logic, {@code repository} (later) the persistence, and {@code
 * config} the wiring beside them.
 */
package org.flyte.admin;
