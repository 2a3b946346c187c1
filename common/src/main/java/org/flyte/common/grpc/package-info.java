/**
 * The gRPC edge shared by the three apps: the server interceptor chain (request id, metrics, status
 * mapping and recovery, and the slot where authentication plugs in; see {@link
 * org.flyte.common.grpc.GrpcInterceptorOrder}) and the mapping of domain errors to gRPC statuses
 * ({@link org.flyte.common.grpc.StatusMapper}). The network server's connections share one pooled
 * buffer arena ({@link org.flyte.common.grpc.TransportBuffers}, ADR 0047). Services stay free of
 * transport concerns: they throw {@code FlyteException}, and only this package knows about {@code
 * Status}. Request messages that do not parse are refused as INVALID_ARGUMENT behind the chain
 * ({@link org.flyte.common.grpc.RequestParsing}).
 */
package org.flyte.common.grpc;
