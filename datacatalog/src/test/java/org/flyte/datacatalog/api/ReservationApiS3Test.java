package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.S3Storage;

/** {@link ReservationApiContract} on S3 storage (s3proxy). */
@S3Storage
class ReservationApiS3Test extends ReservationApiContract {}
