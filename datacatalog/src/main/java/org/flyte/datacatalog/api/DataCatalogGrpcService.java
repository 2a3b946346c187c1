package org.flyte.datacatalog.api;

import datacatalog.DataCatalogGrpc;
import org.springframework.stereotype.Component;

/**
 * {@code datacatalog.DataCatalog}, the task cache service that FlytePropeller calls. Every method
 * answers UNIMPLEMENTED until the DataCatalog issue lands.
 */
@Component
public class DataCatalogGrpcService extends DataCatalogGrpc.DataCatalogImplBase {}
