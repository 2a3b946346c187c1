/**
 * The S3 backend, for AWS S3 and S3-compatible servers such as MinIO ({@code type: s3}, {@code
 * type: minio}, stow kind {@code s3}).
 *
 * <p>{@link org.flyte.common.storage.s3.S3Connection} reads a stow {@code s3} config (the legacy
 * {@code connection} block is translated into one first); an explicit endpoint switches to
 * path-style addressing and "when required" checksums, which S3-compatible servers expect. Signed
 * URLs come from a second connection built with {@code signed-url.stow-config-override} merged in,
 * so that they can name the endpoint clients reach (the public MinIO address) rather than the
 * cluster-internal one the server uses.
 */
@NullMarked
package org.flyte.common.storage.s3;

import org.jspecify.annotations.NullMarked;
