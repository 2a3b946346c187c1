/**
 * Object storage, shaped like Flyte's {@code flytestdlib/storage} (v1.16.8).
 *
 * <p>A {@link org.flyte.common.storage.DataReference} names a blob ({@code s3://bucket/key}) and
 * builds child references the way Flyte's {@code ConstructReference} does. A {@link
 * org.flyte.common.storage.BlobStore} reads and writes raw bytes; every backend extends {@link
 * org.flyte.common.storage.AbstractBlobStore}, which enforces Flyte's rules once (one container
 * unless {@code enable-multicontainer}, the {@code maxDownloadMBs} read limit, NOT_FOUND for
 * missing objects) and streams writes with bounded memory, checking length and Content-MD5 before
 * the content is complete. {@link org.flyte.common.storage.ProtoStore} stores protobuf messages in
 * the binary wire format over a blob store, so Go and Java components read each other's objects.
 * {@link org.flyte.common.storage.StorageKeys} is the one way to build a key from names clients
 * choose: each name becomes exactly one key segment (docs/adr/0013).
 *
 * <p>{@link org.flyte.common.storage.StorageProperties} binds Flyte's {@code storage:} section
 * under {@code flyte.storage}; {@link org.flyte.common.storage.BlobStoreFactory} turns it into a
 * backend the way Flyte does (legacy {@code connection} block or {@code stow} kind and config, with
 * a separate location for signing URLs); {@link org.flyte.common.storage.StorageAutoConfiguration}
 * exposes both stores as beans.
 */
@NullMarked
package org.flyte.common.storage;

import org.jspecify.annotations.NullMarked;
