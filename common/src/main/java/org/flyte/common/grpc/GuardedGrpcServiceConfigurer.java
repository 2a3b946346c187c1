package org.flyte.common.grpc;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.grpc.server.GrpcServerFactory;
import org.springframework.grpc.server.service.DefaultGrpcServiceConfigurer;
import org.springframework.grpc.server.service.GrpcServiceSpec;

/**
 * Spring gRPC's service configurer (global interceptors, per-service interceptors), applied to each
 * service after {@link RequestParsing#guard} so that the interceptor chain runs around request
 * parsing: every service of the app, on the network port and in-process.
 */
public class GuardedGrpcServiceConfigurer extends DefaultGrpcServiceConfigurer {

  public GuardedGrpcServiceConfigurer(ApplicationContext applicationContext) {
    super(applicationContext);
  }

  @Override
  public ServerServiceDefinition configure(
      GrpcServiceSpec serviceSpec, @Nullable GrpcServerFactory serverFactory) {
    BindableService service = serviceSpec.service();
    BindableService guarded = () -> RequestParsing.guard(service.bindService());
    return super.configure(new GrpcServiceSpec(guarded, serviceSpec.serviceInfo()), serverFactory);
  }
}
