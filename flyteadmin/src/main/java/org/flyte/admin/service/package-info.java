/**
 * FlyteAdmin's domain logic (Go's "managers"): validation and behaviour of each capability, free of
 * transport concerns. Services throw {@code FlyteException}; the gRPC edge ({@code api}) hands
 * requests over in one line and the interceptor chain maps the errors.
 *
 * <p>One sub-package per capability: {@code project}, {@code task}, {@code workflow}, {@code
 * launchplan}, {@code namedentity}, {@code description}, {@code resource} (matchable attributes),
 * {@code dataproxy}, {@code version}; new capabilities add theirs ({@code execution}, {@code
 * event}, {@code signal}). Shared pieces: {@code validation} (every pure request check, in Flyte's
 * order and with its messages) and {@code digest} (Flyte's digests and the differences of a
 * conflicting registration).
 *
 * <p>Method names: a service method is named by the verb of its RPC, {@code create}, {@code get},
 * {@code list}, {@code update} or {@code delete} (RegisterProject is {@code create}, as in Flyte's
 * {@code project_manager.go}), followed by a qualifier only when the service answers several RPCs
 * with that verb or the object is not the service's own entity: {@code TaskService.create}, {@code
 * LaunchPlanService.getActive}, {@code listIds}, {@code ResourceService.updateProjectAttributes},
 * {@code DataProxyService.createUploadLocation}. Each takes the RPC's request message and returns
 * its response message.
 */
package org.flyte.admin.service;
