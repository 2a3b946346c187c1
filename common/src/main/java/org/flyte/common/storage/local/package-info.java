/**
 * Blobs on local disk ({@code file://<container>/<key>}), for the sandbox and single-machine
 * installs: like Flyte's stow {@code local} kind, each container is a directory under a root.
 * Writes are atomic (temporary file, then move) and user metadata lives in sidecar files. Signed
 * URLs are not supported here.
 */
@NullMarked
package org.flyte.common.storage.local;

import org.jspecify.annotations.NullMarked;
