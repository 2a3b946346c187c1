package org.flyte.datacatalog.api;

import org.flyte.datacatalog.app.LocalStorage;

/** {@link ReservationApiContract} on local-disk storage. */
@LocalStorage
class ReservationApiLocalTest extends ReservationApiContract {}
