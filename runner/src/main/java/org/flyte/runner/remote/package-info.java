/**
 * FlyteAdmin as seen from the runner: child executions and signals. Follows {@code
 * flytepropeller/pkg/controller/nodes/subworkflow/launchplan/admin.go} and {@code
 * flytepropeller/pkg/controller/nodes/gate/handler.go} (Flyte v1.16.8).
 */
package org.flyte.runner.remote;
