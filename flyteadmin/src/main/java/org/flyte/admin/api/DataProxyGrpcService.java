package org.flyte.admin.api;

import flyteidl.service.DataProxyServiceGrpc;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.DataProxyService}. Every method answers UNIMPLEMENTED until the
 * registration issue implements uploads and downloads.
 */
@Component
public class DataProxyGrpcService extends DataProxyServiceGrpc.DataProxyServiceImplBase {}
