package org.flyte.datacatalog.propeller;

import org.flyte.datacatalog.app.S3Storage;

/** {@link PropellerCallPatternContract} on S3 storage (s3proxy). */
@S3Storage
class PropellerCallPatternS3Test extends PropellerCallPatternContract {}
