package org.flyte.admin.api;

import flyteidl.service.AdminServiceGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code flyteidl.service.AdminService}, served as one gRPC service (and one set of REST routes)
 * composed of the capability edges: every bean that implements {@code
 * AdminServiceGrpc.AsyncService} ({@link TaskGrpcService}, {@link WorkflowGrpcService}, ...) serves
 * the methods it overrides. Methods no capability implements answer UNIMPLEMENTED (HTTP 501 over
 * REST). See the package documentation for how to add a capability.
 */
@Component
public class AdminGrpcService implements BindableService {

  private final ServerServiceDefinition definition;

  public AdminGrpcService(List<AdminServiceGrpc.AsyncService> capabilities) {
    this.definition =
        ServiceComposition.compose(
            AdminServiceGrpc.getServiceDescriptor(),
            capabilities,
            AdminServiceGrpc::bindService,
            new AdminServiceGrpc.AsyncService() {});
  }

  @Override
  public ServerServiceDefinition bindService() {
    return definition;
  }
}
