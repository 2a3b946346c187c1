/**
 * Plain HTTP concerns shared by the apps' web servers: {@code /healthcheck}, CORS, and wildcard
 * {@code Content-Type}s served as none. Everything that maps to a proto service goes through the
 * REST gateway ({@code org.flyte.common.rest}), never through a hand-written controller.
 */
package org.flyte.common.web;
