/**
 * FlyteAdmin's gRPC edge: thin classes whose methods each hand the request to a service in one line
 * ({@code reply(observer, service.verb(request))}); errors are thrown as {@code FlyteException} and
 * mapped by the interceptor chain. The REST gateway reaches the same classes in-process, so both
 * transports behave identically.
 *
 * <p>{@code flyteidl.service.AdminService} is split by capability: {@link
 * org.flyte.admin.api.TaskGrpcService}, {@link org.flyte.admin.api.WorkflowGrpcService}, {@link
 * org.flyte.admin.api.LaunchPlanGrpcService}, {@link org.flyte.admin.api.ProjectGrpcService},
 * {@link org.flyte.admin.api.MatchableAttributesGrpcService}, {@link
 * org.flyte.admin.api.NamedEntityGrpcService}, {@link
 * org.flyte.admin.api.DescriptionEntityGrpcService}, {@link
 * org.flyte.admin.api.VersionGrpcService}, {@link org.flyte.admin.api.ExecutionGrpcService}. {@link
 * org.flyte.admin.api.AdminGrpcService} composes them into the one service definition the server
 * and the REST gateway serve; a method that no capability implements answers UNIMPLEMENTED (HTTP
 * 501). The other proto services (DataProxyService, SignalService) are one class each.
 *
 * <p>To add a capability (executions, events, ...): write {@code service/<capability>/
 * <Capability>Service} with the domain logic (methods named by the service-method convention of
 * {@code org.flyte.admin.service}), then one {@code @Component} class here, {@code
 * <Capability>GrpcService implements AdminServiceGrpc.AsyncService}, overriding exactly the RPCs of
 * that capability, each one line. Nothing else changes: the composition picks the new bean up, the
 * REST routes follow from the proto, and a method overridden by two capabilities stops the app at
 * start-up.
 */
package org.flyte.admin.api;
