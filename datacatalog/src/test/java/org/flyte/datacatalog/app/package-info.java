/**
 * How DataCatalog tests boot the app: {@link org.flyte.datacatalog.app.LocalStorage} or {@link
 * org.flyte.datacatalog.app.S3Storage} (one shared context each), and fixtures.
 */
package org.flyte.datacatalog.app;
