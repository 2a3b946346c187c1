package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.S3Storage;

/** {@link ConcurrentWritesContract} on S3 storage (s3proxy). */
@S3Storage
class ConcurrentWritesS3Test extends ConcurrentWritesContract {}
