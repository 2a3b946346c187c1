/**
 * Side-by-side drivers for FlyteAdmin processes reached by address, ours and Flyte's Go admin
 * (flyteadmin/cmd/main.go, Flyte v1.16.8) built from source: the per-call floor and cheap reads
 * ({@link org.flyte.bench.vsgo.FloorLoad}), start-up time to ready with resident memory ({@link
 * org.flyte.bench.vsgo.StartupProbe}), and the registration and list throughput per second from
 * ready after a start ({@link org.flyte.bench.vsgo.WarmupLoad}). Every figure is reported as a
 * ratio of the runs made in the same minute.
 */
package org.flyte.bench.vsgo;
