/**
 * FlyteAdmin's gRPC edge: one class per proto service, each method one line that hands the request
 * to a service. The REST gateway reaches these same classes in-process, so both transports behave
 * identically.
 */
package org.flyte.admin.api;
