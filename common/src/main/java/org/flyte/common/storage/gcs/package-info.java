/**
 * The Google Cloud Storage backend (stow kind {@code google}, or our {@code type: gcs}).
 *
 * <p>{@link org.flyte.common.storage.gcs.GcsConnection} reads the stow {@code google} config
 * ({@code json} credentials, else Application Default Credentials; {@code project_id}; {@code
 * scopes}). {@link org.flyte.common.storage.gcs.GcsBlobStore} takes a {@code Storage} client, so
 * tests pass the in-memory one from {@code LocalStorageHelper}. Signed URLs are V4 and need
 * credentials that can sign (a service-account key, or workload identity through IAM).
 */
@NullMarked
package org.flyte.common.storage.gcs;

import org.jspecify.annotations.NullMarked;
