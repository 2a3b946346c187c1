package org.flyte.admin.executor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import org.junit.jupiter.api.Test;

/** FlyteAdmin's reading of its kube-config against fabric8's own {@code fromKubeconfig}. */
class KubernetesClientsTest {

  private static final String MINIMAL =
      """
      apiVersion: v1
      kind: Config
      clusters:
      - cluster: {server: "http://127.0.0.1:1"}
        name: none
      contexts:
      - context: {cluster: none, user: none}
        name: none
      current-context: none
      users:
      - name: none
        user: {token: none}
      """;

  /** Two clusters and users: certificates, a namespace, basic auth, an exec plugin, extensions. */
  private static final String RICH =
      """
      apiVersion: v1
      kind: Config
      preferences: {}
      clusters:
      - cluster:
          server: https://10.0.0.1:6443
          certificate-authority-data: Y2EtZGF0YQ==
          insecure-skip-tls-verify: false
          tls-server-name: api.internal
          extensions:
          - name: client.authentication.k8s.io/exec
            extension: {audience: flyte}
        name: prod
      - cluster: {server: "http://127.0.0.1:1", proxy-url: "http://proxy:3128"}
        name: dev
      contexts:
      - context: {cluster: prod, user: admin, namespace: flyte}
        name: prod-ctx
      - context: {cluster: dev, user: basic, namespace: "on"}
        name: dev-ctx
      current-context: prod-ctx
      users:
      - name: admin
        user:
          token: abc.def
          client-certificate-data: Y2VydA==
          client-key-data: a2V5
          exec:
            apiVersion: client.authentication.k8s.io/v1beta1
            command: "true"
            args: [a, b]
            env: [{name: X, value: "1"}]
            interactiveMode: Never
      - name: basic
        user: {username: u, password: p, as: someone, as-groups: [g1]}
      """;

  private static String json(Config config) throws Exception {
    return new ObjectMapper().writeValueAsString(config);
  }

  @Test
  void readsTheKubeConfigAsFabric8Does() throws Exception {
    for (String kubeconfig :
        new String[] {MINIMAL, RICH, RICH.replace("prod-ctx\n", "dev-ctx\n")}) {
      Config ours = KubernetesClients.fromKubeConfig(kubeconfig, "/etc/kube/config");
      assertThat(json(ours)).isEqualTo(json(Config.fromKubeconfig(kubeconfig)));
    }
    Config rich = KubernetesClients.fromKubeConfig(RICH, "/etc/kube/config");
    assertThat(rich.getMasterUrl()).isEqualTo("https://10.0.0.1:6443/");
    assertThat(rich.getNamespace()).isEqualTo("flyte");
    assertThat(rich.getCaCertData()).isEqualTo("Y2EtZGF0YQ==");
    assertThat(rich.getCurrentContext().getName()).isEqualTo("prod-ctx");
  }

  @Test
  void namesTheSettingWhenTheKubeConfigCannotBeRead() {
    assertThatThrownBy(() -> KubernetesClients.fromKubeConfig("clusters: [", "/etc/kube/config"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot parse flyte.server.kube-config /etc/kube/config: ");
  }
}
