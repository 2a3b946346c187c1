package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.LocalStorage;

/** {@link ListArtifactsApiContract} on local-disk storage. */
@LocalStorage
class ListArtifactsApiLocalTest extends ListArtifactsApiContract {}
