package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Services keep the names and port numbers of Flyte's flyte-core chart
 * (charts/flyte-core/templates/admin/service.yaml and datacatalog/service.yaml, Flyte v1.16.8):
 * propeller, flytekit configs and ingresses address {@code flyteadmin:81}, {@code flyteadmin:80}
 * and {@code datacatalog:89}, and Prometheus scrapes {@code http-metrics} on 10254.
 */
class ServicePortsTest {

  @ParameterizedTest
  @EnumSource(
      value = Render.class,
      names = {"EKS_DATAPLANE", "GCP_DATAPLANE", "SANDBOX_CHART"},
      mode = EnumSource.Mode.EXCLUDE)
  void controlPlaneServicesKeepFlytesNamesAndPorts(Render render) {
    assertThat(ports(render, "flyteadmin"))
        .containsEntry("http", 80)
        .containsEntry("grpc", 81)
        .containsEntry("http-metrics", 10254);
    assertThat(ports(render, "datacatalog"))
        .containsEntry("grpc", 89)
        .containsEntry("http-metrics", 10254);
  }

  @ParameterizedTest
  @EnumSource(
      value = Render.class,
      names = {"EKS_DATAPLANE", "GCP_DATAPLANE"})
  void theDataPlaneRunsNoControlPlaneService(Render render) {
    assertThat(services(render)).doesNotContainKeys("flyteadmin", "datacatalog");
  }

  private static Map<String, Integer> ports(Render render, String service) {
    Map<String, Object> spec = services(render).get(service);
    assertThat(spec).as("Service %s in deployment/%s", service, render.file).isNotNull();
    Map<String, Integer> ports = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) spec.get("ports");
    for (Map<String, Object> port : list) {
      ports.put((String) port.get("name"), ((Number) port.get("port")).intValue());
    }
    return ports;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services(Render render) {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    for (Map<String, Object> object : render.objects()) {
      if ("Service".equals(object.get("kind"))) {
        Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
        services.put((String) metadata.get("name"), (Map<String, Object>) object.get("spec"));
      }
    }
    return services;
  }
}
