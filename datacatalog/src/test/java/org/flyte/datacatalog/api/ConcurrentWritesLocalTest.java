package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.LocalStorage;

/** {@link ConcurrentWritesContract} on local-disk storage. */
@LocalStorage
class ConcurrentWritesLocalTest extends ConcurrentWritesContract {}
