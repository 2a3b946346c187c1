package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.LocalStorage;

/** {@link ArtifactApiContract} on local-disk storage. */
@LocalStorage
class ArtifactApiLocalTest extends ArtifactApiContract {}
