package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.S3Storage;

/** {@link ArtifactApiContract} on S3 storage (s3proxy). */
@S3Storage
class ArtifactApiS3Test extends ArtifactApiContract {}
