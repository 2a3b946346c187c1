package org.flyte.admin.api;

import flyteidl.service.SignalServiceGrpc;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.SignalService}. Every method answers UNIMPLEMENTED until signals are
 * implemented with executions.
 */
@Component
public class SignalGrpcService extends SignalServiceGrpc.SignalServiceImplBase {}
