/**
 * The REST gateway: a generic transcoder from HTTP/JSON and HTTP/binary-protobuf to the gRPC
 * services, driven by the {@code google.api.http} annotations of the protos, with the behaviour of
 * grpc-gateway v2 as FlyteAdmin v1.16.8 configures it ({@code flyteadmin/pkg/server/service.go}).
 * There is no controller per endpoint.
 *
 * <p>At start-up {@link org.flyte.common.rest.RouteTable} reads every unary method's HTTP rule (and
 * its {@code additional_bindings}) into {@link org.flyte.common.rest.Route}s with parsed {@link
 * org.flyte.common.rest.PathTemplate}s. For each request {@link org.flyte.common.rest.RestGateway}:
 *
 * <ol>
 *   <li>picks the inbound and outbound {@link org.flyte.common.rest.RestMarshaler} by exact {@code
 *       Accept} match, then {@code Content-Type} media type, then the wildcard ({@link
 *       org.flyte.common.rest.MarshalerRegistry}): binary protobuf for {@code
 *       application/octet-stream} (FlyteConsole), snake_case JSON rejecting unknown fields for
 *       {@code application/json}, lowerCamel JSON ignoring unknown fields for anything else; both
 *       JSON forms emit unpopulated fields, {@code null} for unset messages, and read bodies as
 *       strictly as protojson ({@link org.flyte.common.rest.JsonMarshaler}, {@link
 *       org.flyte.common.rest.JsonTree}, {@link org.flyte.common.rest.ProtoJsonShape}); JSON
 *       answers are written from the message's wire form ({@link
 *       org.flyte.common.rest.WireJsonTranscoder}, {@link org.flyte.common.rest.ProtoJsonPrinter});
 *   <li>routes the path: the most specific matching template of the request's method; a path that
 *       only other methods serve is 405, anything else 404, both with a {@code google.rpc.Status}
 *       body;
 *   <li>builds the request message: the body for {@code body: "*"} routes with path variables laid
 *       over it (query ignored), otherwise path variables plus query parameters by dotted proto or
 *       JSON names, enums by name or number, well-known types in their string forms;
 *   <li>calls the method on an in-process channel, forwarding headers as metadata, so REST runs
 *       through the same server interceptors as gRPC;
 *   <li>writes the response message, or the failure's {@code google.rpc.Status} (with details)
 *       under grpc-gateway's gRPC-to-HTTP status table ({@link
 *       org.flyte.common.rest.HttpStatuses}).
 * </ol>
 *
 * <p>{@link org.flyte.common.rest.RestGatewayHandler} and {@link
 * org.flyte.common.rest.RestGatewayHandlerMapping} plug it into Spring MVC, refusing bodies above
 * {@link org.flyte.common.rest.RestGatewayProperties#maxBodySize()} with 413 before reading them;
 * {@link org.flyte.common.rest.RestGatewayAutoConfiguration} wires them.
 */
@NullMarked
package org.flyte.common.rest;

import org.jspecify.annotations.NullMarked;
