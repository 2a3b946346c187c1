/**
 * Domain errors: {@link org.flyte.common.error.FlyteException} with an {@link
 * org.flyte.common.error.ErrorCode} and optional typed details. Services throw them; only the gRPC
 * edge ({@code org.flyte.common.grpc}) maps them to a {@code Status}, and the REST gateway maps
 * that status to HTTP. Nothing here knows about a transport.
 */
package org.flyte.common.error;
