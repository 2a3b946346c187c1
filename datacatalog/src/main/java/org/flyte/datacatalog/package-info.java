/**
 * DataCatalog: Flyte's task cache service (gRPC; HTTP only for {@code /healthcheck} and metrics),
 * with {@code api}, {@code service} and {@code repository} layers like FlyteAdmin's. It has no
 * authentication, as in Flyte.
 */
package org.flyte.datacatalog;
