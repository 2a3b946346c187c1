package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict reading catches what kubeconform -strict catches. */
class TypedObjectsTest {

  private static Map<String, Object> yaml(String text) {
    return Charts.documents(text).get(0);
  }

  @Test
  void reportsAMisspelledFieldDeepInsideAnObject() {
    Map<String, Object> deployment =
        yaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: x}
            spec:
              selector: {matchLabels: {a: b}}
              template:
                metadata: {labels: {a: b}}
                spec:
                  containers:
                    - name: c
                      image: i
                      ports:
                        - contianerPort: 8080
            """);

    assertThat(TypedObjects.unknownFields(deployment))
        .containsExactly(
            "Deployment.spec.template.spec.containers[0].ports[0]: unknown [contianerPort]");
  }

  @Test
  void reportsAKindWithoutModelAndAcceptsServiceMonitors() {
    assertThat(
            TypedObjects.unknownFields(
                yaml("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n")))
        .containsExactly("kind example.com/v1/Widget has no model");
    assertThat(
            TypedObjects.unknownFields(
                yaml(
                    """
                    apiVersion: monitoring.coreos.com/v1
                    kind: ServiceMonitor
                    metadata: {name: m}
                    spec:
                      endpoints: [{port: http-metrics, path: /actuator/prometheus}]
                      selector: {matchLabels: {a: b}}
                    """)))
        .isEmpty();
  }
}
