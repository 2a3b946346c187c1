/** Micro-benchmarks of the REST gateway's encodings, against binary protobuf as the baseline. */
package org.flyte.bench.rest;
