/**
 * DataCatalog's configuration: Flyte's {@code datacatalog} section as {@link
 * org.flyte.datacatalog.config.DataCatalogProperties}, validated at start-up.
 */
package org.flyte.datacatalog.config;
