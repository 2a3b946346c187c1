package org.flyte.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flyte.testing.TempPaths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flyte-core values contract: each key an operator's flyte-core values file sets changes the
 * render as it does in flyte-core (the table below), with the quirks fixed: {@code envFrom} on
 * every FlyteAdmin container, the OAuth Secret's name honoured everywhere, the database Secret
 * mounted wherever {@code db.yaml} is read, no ingress in a data plane.
 */
class ValuesContractTest {

  static Stream<Arguments> contract() {
    return Stream.of(
        row(
            "flyteadmin.image is the image of FlyteAdmin, its init containers and the sync",
            """
            flyteadmin:
              image: {repository: registry.example.com/flyteadmin, tag: "1.2.3"}
            """,
            m -> {
              for (String deployment : List.of("flyteadmin", "syncresources")) {
                assertThat(m.containers(deployment))
                    .allSatisfy(
                        c ->
                            assertThat(c.get("image"))
                                .isEqualTo("registry.example.com/flyteadmin:1.2.3"));
              }
              assertThat(m.containers("flyteadmin")).hasSize(6);
            }),
        row(
            "datacatalog.image, flytepropeller.image, flyteconsole.image",
            """
            datacatalog: {image: {repository: r/catalog, tag: c1}}
            flytepropeller: {image: {repository: r/propeller, tag: p1}}
            flyteconsole: {image: {repository: r/console, tag: k1}}
            """,
            m -> {
              assertThat(m.containers("datacatalog"))
                  .allSatisfy(c -> assertThat(c.get("image")).isEqualTo("r/catalog:c1"));
              assertThat(m.containers("flytepropeller").get(0).get("image"))
                  .isEqualTo("r/propeller:p1");
              assertThat(m.containers("flyte-pod-webhook"))
                  .allSatisfy(c -> assertThat(c.get("image")).isEqualTo("r/propeller:p1"));
              assertThat(m.containers("flyteconsole").get(0).get("image"))
                  .isEqualTo("r/console:k1");
            }),
        row(
            "replicaCount, and autoscaling instead of it",
            """
            flyteadmin: {replicaCount: 3}
            datacatalog: {autoscaling: {enabled: true, minReplicas: 2, maxReplicas: 5}}
            """,
            m -> {
              assertThat(at(m.get("Deployment", "flyteadmin"), "spec.replicas")).isEqualTo(3);
              assertThat(at(m.get("Deployment", "datacatalog"), "spec.replicas")).isNull();
              Map<String, Object> hpa = m.get("HorizontalPodAutoscaler", "datacatalog");
              assertThat(at(hpa, "spec.minReplicas")).isEqualTo(2);
              assertThat(at(hpa, "spec.maxReplicas")).isEqualTo(5);
              assertThat(at(hpa, "spec.scaleTargetRef.name")).isEqualTo("datacatalog");
            }),
        row(
            "resources (merged over the defaults, as Helm merges maps)",
            """
            datacatalog: {resources: {limits: {cpu: 3, memory: 3Gi}, requests: {cpu: 1, memory: 1Gi}}}
            """,
            m ->
                assertThat(m.containers("datacatalog").get(1).get("resources"))
                    .isEqualTo(
                        Map.of(
                            "limits",
                            Map.of("cpu", 3, "memory", "3Gi", "ephemeral-storage", "200Mi"),
                            "requests",
                            Map.of("cpu", 1, "memory", "1Gi", "ephemeral-storage", "100Mi")))),
        row(
            "serviceAccount.annotations (IRSA, Workload Identity) through tpl",
            """
            userSettings: {accountNumber: "123456789012"}
            flyteadmin:
              serviceAccount:
                annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::{{ .Values.userSettings.accountNumber }}:role/flyte"}
            datacatalog:
              serviceAccount:
                annotations: {iam.gke.io/gcp-service-account: catalog@p.iam.gserviceaccount.com}
            """,
            m -> {
              assertThat(at(m.get("ServiceAccount", "flyteadmin"), "metadata.annotations"))
                  .isEqualTo(
                      Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/flyte"));
              assertThat(at(m.get("ServiceAccount", "datacatalog"), "metadata.annotations"))
                  .isEqualTo(
                      Map.of(
                          "iam.gke.io/gcp-service-account", "catalog@p.iam.gserviceaccount.com"));
            }),
        row(
            "storage.type s3 (IAM) renders the connection block into every storage.yaml",
            """
            storage: {type: s3, bucketName: meta, s3: {region: eu-west-1}}
            """,
            m -> {
              for (String[] file : STORAGE_FILES) {
                Map<String, Object> storage = m.configFile(file[0], "storage.yaml");
                assertThat(at(storage, "storage.type")).isEqualTo("s3");
                assertThat(at(storage, "storage.container")).isEqualTo("meta");
                assertThat(at(storage, "storage.connection"))
                    .isEqualTo(Map.of("auth-type", "iam", "region", "eu-west-1"));
              }
            }),
        row(
            "storage.type s3 with access keys and an endpoint (MinIO outside the cluster)",
            """
            storage:
              type: s3
              s3: {endpoint: "http://minio.example:9000", authType: accesskey, accessKey: ak, secretKey: sk}
            """,
            m ->
                assertThat(
                        at(
                            m.configFile("datacatalog-config", "storage.yaml"),
                            "storage.connection"))
                    .isEqualTo(
                        Map.of(
                            "auth-type",
                            "accesskey",
                            "region",
                            "us-east-1",
                            "endpoint",
                            "http://minio.example:9000",
                            "access-key",
                            "ak",
                            "secret-key",
                            "sk"))),
        row(
            "storage.type gcs renders stow kind google with the project",
            """
            storage: {type: gcs, bucketName: gbucket, gcs: {projectId: my-project}}
            """,
            m -> {
              Map<String, Object> storage = m.configFile("flyte-admin-base-config", "storage.yaml");
              assertThat(at(storage, "storage.type")).isEqualTo("stow");
              assertThat(at(storage, "storage.stow.kind")).isEqualTo("google");
              assertThat(at(storage, "storage.stow.config.project_id")).isEqualTo("my-project");
            }),
        row(
            "storage.type sandbox is the release namespace's MinIO",
            "storage: {type: sandbox}\n",
            m -> {
              Map<String, Object> storage = m.configFile("flyte-propeller-config", "storage.yaml");
              assertThat(at(storage, "storage.type")).isEqualTo("minio");
              assertThat(at(storage, "storage.stow.config.endpoint"))
                  .isEqualTo("http://minio.flyte.svc.cluster.local:9000");
            }),
        row(
            "storage.type custom is rendered as it is; storage.secretName replaces storage.yaml",
            """
            storage:
              type: custom
              custom: {type: stow, container: c, stow: {kind: azure, config: {account: a}}}
              secretName: storage-secret
            """,
            m -> {
              assertThat(at(m.get("ConfigMap", "datacatalog-config"), "data.storage\\.yaml"))
                  .isNull();
              assertThat(
                      at(m.get("Deployment", "datacatalog"), "spec.template.spec.volumes")
                          .toString())
                  .contains("{secret={name=storage-secret}}");
            }),
        row(
            "db.admin host reaches admin, the scheduler and the sync; databaseSecret is mounted at /etc/db",
            """
            db:
              admin: {database: {host: rds.example, dbname: flyteadmin, username: flyte, port: 5432, passwordPath: /etc/db/pass.txt}}
              datacatalog: {database: {host: rds.example, dbname: flyteadmin, username: flyte, port: 5432, passwordPath: /etc/db/pass.txt}}
            common:
              databaseSecret: {name: db-pass}
            workflow_scheduler: {enabled: true, type: native}
            """,
            m -> {
              for (String configMap :
                  List.of(
                      "flyte-admin-base-config",
                      "flyte-scheduler-config",
                      "flyte-clusterresourcesync-config",
                      "datacatalog-config")) {
                assertThat(at(m.configFile(configMap, "db.yaml"), "database.host"))
                    .as(configMap)
                    .isEqualTo("rds.example");
              }
              for (String deployment :
                  List.of("flyteadmin", "datacatalog", "flytescheduler", "syncresources")) {
                // Every container that reads db.yaml (the secrets commands read none).
                assertThat(
                        m.containers(deployment).stream()
                            .filter(c -> !String.valueOf(c.get("command")).contains("secrets")))
                    .as(deployment)
                    .allSatisfy(
                        c ->
                            assertThat(String.valueOf(c.get("volumeMounts")))
                                .contains("mountPath=/etc/db"));
              }
            }),
        row(
            "common.ingress host and TLS on both ingresses; gRPC paths in the second",
            """
            common:
              ingress:
                host: flyte.example.com
                separateGrpcIngress: true
                tls: {enabled: true, secretName: flyte-tls}
            """,
            m -> {
              for (String name : List.of("flyte-core", "flyte-core-grpc")) {
                Map<String, Object> ingress = m.get("Ingress", name);
                assertThat(at(ingress, "spec.rules[0].host")).isEqualTo("flyte.example.com");
                assertThat(at(ingress, "spec.tls[0]"))
                    .isEqualTo(
                        Map.of("secretName", "flyte-tls", "hosts", List.of("flyte.example.com")));
              }
              assertThat(paths(m, "flyte-core"))
                  .contains("/console", "/api", "/healthcheck", "/me", "/oauth2/*")
                  .doesNotContain("/flyteidl.service.AdminService");
              assertThat(paths(m, "flyte-core-grpc"))
                  .containsExactly(
                      "/flyteidl.service.SignalService", "/flyteidl.service.SignalService/*",
                      "/flyteidl.service.AdminService", "/flyteidl.service.AdminService/*",
                      "/flyteidl.service.DataProxyService", "/flyteidl.service.DataProxyService/*",
                      "/flyteidl.service.AuthMetadataService",
                          "/flyteidl.service.AuthMetadataService/*",
                      "/flyteidl.service.IdentityService", "/flyteidl.service.IdentityService/*",
                      "/grpc.health.v1.Health", "/grpc.health.v1.Health/*");
              assertThat(at(m.get("Ingress", "flyte-core-grpc"), "metadata.annotations").toString())
                  .contains("nginx.ingress.kubernetes.io/backend-protocol=GRPC");
            }),
        row(
            "server.security.secure sends gRPC to Service port 80",
            "configmap: {adminServer: {server: {security: {secure: true}}}}\n",
            m ->
                assertThat(
                        at(m.get("Ingress", "flyte-core"), "spec.rules[0].http.paths").toString())
                    .contains(
                        "path=/flyteidl.service.AdminService, pathType=ImplementationSpecific, backend={service={name=flyteadmin, port={number=80}}}")),
        row(
            "the OAuth client Secret: its name is honoured by propeller, webhook-free scheduler and the Secret",
            """
            secrets: {adminOauthClientCredentials: {clientSecret: s3cret, secretName: my-auth, clientId: my-client}}
            workflow_scheduler: {enabled: true, type: native}
            """,
            m -> {
              assertThat(at(m.get("Secret", "my-auth"), "stringData.client_secret"))
                  .isEqualTo("s3cret");
              for (String deployment : List.of("flytepropeller", "flytescheduler")) {
                assertThat(
                        at(m.get("Deployment", deployment), "spec.template.spec.volumes")
                            .toString())
                    .as(deployment)
                    .contains("secretName=my-auth");
              }
              assertThat(at(m.configFile("flyte-propeller-config", "admin.yaml"), "admin.clientId"))
                  .isEqualTo("my-client");
            }),
        row(
            "flyteadmin.secrets fill flyte-admin-secrets; env and envFrom reach every admin container",
            """
            flyteadmin:
              secrets: {oidc_client_secret: shh}
              env: [{name: EXTRA, value: "1"}]
              envFrom: [{secretRef: {name: admin-env}}]
            """,
            m -> {
              assertThat(at(m.get("Secret", "flyte-admin-secrets"), "stringData"))
                  .isEqualTo(Map.of("oidc_client_secret", "shh"));
              assertThat(m.containers("flyteadmin"))
                  .allSatisfy(
                      c -> {
                        assertThat(String.valueOf(c.get("env"))).contains("name=EXTRA");
                        assertThat(String.valueOf(c.get("envFrom"))).contains("name=admin-env");
                      });
            }),
        row(
            "the listeners of adminServer are the container ports",
            "configmap: {adminServer: {server: {httpPort: 9088, grpc: {port: 9089}}}}\n",
            m ->
                assertThat(
                        at(
                            m.get("Deployment", "flyteadmin"),
                            "spec.template.spec.containers[0].ports"))
                    .isEqualTo(
                        List.of(
                            Map.of("name", "http", "containerPort", 9088),
                            Map.of("name", "grpc", "containerPort", 9089)))),
        row(
            "propeller's task_logs (templates), copilot and catalog-cache reach its config files",
            """
            configmap:
              task_logs:
                plugins:
                  logs:
                    cloudwatch-enabled: false
                    templates:
                      - displayName: Grafana
                        templateUris: ['https://grafana.example.com/{{ "{{" }} .podName {{ "}}" }}']
              copilot:
                plugins: {k8s: {co-pilot: {image: registry.example.com/flytecopilot:v1}}}
            """,
            m -> {
              Map<String, Object> logs = m.configFile("flyte-propeller-config", "task_logs.yaml");
              assertThat(at(logs, "plugins.logs.templates[0].templateUris[0]"))
                  .isEqualTo("https://grafana.example.com/{{ .podName }}");
              assertThat(
                      at(
                          m.configFile("flyte-propeller-config", "copilot.yaml"),
                          "plugins.k8s.co-pilot.image"))
                  .isEqualTo("registry.example.com/flytecopilot:v1");
              assertThat(
                      at(
                          m.configFile("flyte-propeller-config", "catalog.yaml"),
                          "catalog-cache.endpoint"))
                  .isEqualTo("datacatalog:89");
              assertThat(at(m.configFile("flyte-propeller-config", "admin.yaml"), "admin.endpoint"))
                  .isEqualTo("flyteadmin:81");
            }),
        row(
            "rbacScope namespace makes a Role",
            "flyteadmin: {serviceAccount: {rbacScope: namespace}}\n",
            m -> {
              assertThat(m.names("Role")).contains("flyte-flyteadmin");
              assertThat(m.names("ClusterRole")).doesNotContain("flyte-flyteadmin");
            }),
        row(
            "values-dataplane.yaml: propeller reports to the control plane's ingress; no admin, no ingress, no database Secret",
            null,
            m -> {
              Map<String, Object> admin = m.configFile("flyte-propeller-config", "admin.yaml");
              assertThat(at(admin, "admin.endpoint")).isEqualTo("<CONTROL_PLANE_HOST>:443");
              assertThat(at(admin, "admin.insecure")).isEqualTo(false);
              assertThat(
                      at(
                          m.configFile("flyte-propeller-config", "catalog.yaml"),
                          "catalog-cache.endpoint"))
                  .isEqualTo("<DATACATALOG_INTERNAL_LOAD_BALANCER>:89");
              assertThat(m.names("Deployment"))
                  .containsExactlyInAnyOrder("flytepropeller", "flyte-pod-webhook");
              assertThat(m.names("ServiceAccount")).contains("flyteadmin");
              assertThat(m.names("ClusterRole")).contains("flyte-flyteadmin");
              assertThat(m.names("Ingress")).isEmpty();
              assertThat(m.names("Secret")).doesNotContain("db-pass");
              assertThat(m.containers("flytepropeller").get(0).get("command").toString())
                  .contains("--propeller.cluster-id, dataplane_1");
            }));
  }

  static final String[][] STORAGE_FILES = {
    {"flyte-admin-base-config"}, {"datacatalog-config"}, {"flyte-propeller-config"}
  };

  private static Arguments row(String key, String values, Consumer<Manifests> expectation) {
    return Arguments.of(key, values, expectation);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contract")
  void valueChangesTheRenderAsInFlyteCore(
      String key, String values, Consumer<Manifests> expectation) {
    List<Path> files = new ArrayList<>();
    if (values == null) {
      files.add(Charts.CORE.resolve("values-eks.yaml"));
      files.add(Charts.CORE.resolve("values-dataplane.yaml"));
    } else {
      files.add(write(values));
    }
    expectation.accept(Manifests.of(Charts.template(Charts.CORE, files)));
  }

  private static Object at(Object root, String path) {
    return Manifests.get(root, path);
  }

  @SuppressWarnings("unchecked")
  private static List<String> paths(Manifests m, String ingress) {
    List<String> paths = new ArrayList<>();
    for (Object path : (List<Object>) at(m.get("Ingress", ingress), "spec.rules[0].http.paths")) {
      paths.add(String.valueOf(((Map<String, Object>) path).get("path")));
    }
    return paths;
  }

  private static Path write(String values) {
    try {
      return Files.writeString(TempPaths.file("values-", ".yaml"), values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
