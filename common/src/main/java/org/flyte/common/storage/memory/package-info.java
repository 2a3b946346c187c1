/**
 * Blobs in memory ({@code type: mem}, references {@code mem://<container>/<key>}), for tests and
 * throw-away sandboxes. It applies the same container rule and download limit as the real backends,
 * so code tested against it meets the same errors in production. It cannot sign URLs.
 */
@NullMarked
package org.flyte.common.storage.memory;

import org.jspecify.annotations.NullMarked;
