/**
 * Benchmarks of the control plane: JMH micro-benchmarks and load drivers over real gRPC on
 * loopback, each reporting against a baseline measured in the same run.
 */
package org.flyte.bench;
