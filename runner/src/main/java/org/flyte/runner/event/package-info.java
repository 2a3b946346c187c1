/**
 * Events to FlyteAdmin: the sink seam and its gRPC implementation. Follows {@code
 * flytepropeller/events/event_recorder.go} and {@code admin_eventsink.go} (Flyte v1.16.8).
 */
package org.flyte.runner.event;
