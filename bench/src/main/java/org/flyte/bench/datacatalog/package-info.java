/**
 * The DataCatalog load benchmark ({@link org.flyte.bench.datacatalog.DataCatalogLoad}): seeded
 * catalog, loopback gRPC load with HdrHistogram latencies, the repositories' statements in-process,
 * query plans. See bench/README.md.
 */
package org.flyte.bench.datacatalog;
