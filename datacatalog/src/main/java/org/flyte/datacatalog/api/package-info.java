/**
 * DataCatalog's gRPC edge: one class for {@code datacatalog.DataCatalog}, each method one line that
 * hands the request to a service.
 */
package org.flyte.datacatalog.api;
