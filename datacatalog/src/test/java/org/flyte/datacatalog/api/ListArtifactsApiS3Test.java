package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.S3Storage;

/** {@link ListArtifactsApiContract} on S3 storage (s3proxy). */
@S3Storage
class ListArtifactsApiS3Test extends ListArtifactsApiContract {}
