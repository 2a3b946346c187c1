/**
 * The self-warm after start: a few seconds of registrations and lists run inside the app, on a
 * daemon thread, in transactions that are rolled back, so that the JIT compiles the registration
 * and list paths before users need them (docs/adr/0037-warm-up.md). Flyte's Go admin
 * (flyteadmin/pkg/server/service.go, v1.16.8) needs no such step: it is compiled ahead of time.
 */
package org.flyte.admin.warmup;
