/**
 * The load driver every load benchmark shares: bounded phases of asynchronous gRPC calls or
 * blocking in-process calls, latencies in HdrHistogram.
 */
package org.flyte.bench.load;
