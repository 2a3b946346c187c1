/**
 * FlytePropeller's side of DataCatalog, re-written as a test client: cache keys ({@link
 * org.flyte.datacatalog.propeller.CacheKey}, checked against propeller's own expected values) and
 * the call sequences of its catalog client.
 */
package org.flyte.datacatalog.propeller;
