/**
 * Start and stop of an app, shared by the three apps and the sandbox.
 *
 * <p>Start: an app is ready (Spring Boot's readiness state {@code ACCEPTING_TRAFFIC}, which {@code
 * /healthcheck} and {@code /actuator/health/readiness} report) only once every listener serves.
 *
 * <p>Stop, in order: the app reports {@code REFUSING_TRAFFIC}; its gRPC servers stop accepting
 * calls and drain the requests in flight, then cancel open streams ({@link
 * org.flyte.common.lifecycle.GrpcDrain}); its HTTP server drains (Spring's graceful shutdown); its
 * beans close, the connection pool last; an embedded PostgreSQL stops after the last app that uses
 * it. Each drain waits at most {@code flyte.server.gracefulShutdownTimeoutSeconds} (Flyte's key and
 * default, 10 s). See docs/adr/0016-start-and-stop.md.
 *
 * <p>With {@code flyte.startup.exit-when-ready: true} an app takes that stop as soon as it is ready
 * ({@link org.flyte.common.lifecycle.ExitWhenReady}): the images' class-archive training start
 * (docs/adr/0045-class-archive-of-a-whole-start.md).
 */
package org.flyte.common.lifecycle;
