package org.flyte.datacatalog.propeller;

import org.flyte.datacatalog.app.LocalStorage;

/** {@link PropellerCallPatternContract} on local-disk storage. */
@LocalStorage
class PropellerCallPatternLocalTest extends PropellerCallPatternContract {}
