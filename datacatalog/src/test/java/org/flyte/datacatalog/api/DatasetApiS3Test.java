package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.S3Storage;

/** {@link DatasetApiContract} on S3 storage (s3proxy). */
@S3Storage
class DatasetApiS3Test extends DatasetApiContract {}
