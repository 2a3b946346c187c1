package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.LocalStorage;

/** {@link DatasetApiContract} on local-disk storage. */
@LocalStorage
class DatasetApiLocalTest extends DatasetApiContract {}
