/**
 * FlyteScheduler's load driver: thousands of schedules firing every minute on two replicas against
 * a stand-in admin over real gRPC, measuring how late each CreateExecution arrives after its slot,
 * duplicates and missed slots, with admin's CreateExecution throughput of the same run as the
 * reference.
 */
package org.flyte.bench.scheduler;
