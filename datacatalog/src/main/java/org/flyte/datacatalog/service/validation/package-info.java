/**
 * Request validation of DataCatalog (Go's {@code manager/impl/validators}): pure functions that
 * throw INVALID_ARGUMENT with Flyte's messages.
 */
package org.flyte.datacatalog.service.validation;
