package org.flyte.admin.clusterresource;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.MatchableResourceOuterClass.ClusterResourceAttributes;
import flyteidl.admin.MatchableResourceOuterClass.MatchingAttributes;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributes;
import flyteidl.admin.ProjectDomainAttributesOuterClass.ProjectDomainAttributesUpdateRequest;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.Project.ProjectState;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.service.AdminServiceGrpc;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flyte.admin.AdminAppTest;
import org.flyte.admin.executor.NamespaceMappingProperties;
import org.flyte.admin.service.project.ProjectService;
import org.flyte.admin.service.resource.ResourceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The cluster resource sync against fabric8's mock API server in CRUD mode: objects are created,
 * patched when a template or a project-domain's CLUSTER_RESOURCE attributes change, and left alone
 * (same resourceVersion) when nothing changed, also by a fresh process whose checksum cache is
 * empty. Projects come from FlyteAdmin's database; each test syncs only its own projects.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterResourceSyncTest extends AdminAppTest {

  static KubernetesClient client;

  @Autowired ProjectService projectService;
  @Autowired ResourceService resourceService;

  @TempDir Path templates;
  String prefix;
  StandardEnvironment environment;

  @BeforeEach
  void setUp() throws IOException {
    prefix = "cr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    write(
        "aa_namespace.yaml",
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {{ namespace }}
          labels:
            project: {{ project }}
            domain: {{ domain }}
        spec:
          finalizers:
          - kubernetes
        """);
    write(
        "ab_project_resource_quota.yaml",
        """
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: project-quota
          namespace: {{ namespace }}
        spec:
          hard:
            limits.cpu: {{ projectQuotaCpu }}
            limits.memory: {{ projectQuotaMemory }}
        """);
    write(
        "ac_default_service_account.yaml",
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: default
          namespace: {{ namespace }}
          annotations:
            iam.gke.io/gcp-service-account: {{ gsa }}
        """);
    write("README.md", "not a template: ignored");
    environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    // Flyte's Helm chart writes customData as lists of single-key maps.
                    "flyte.cluster_resources.customData[0].development[0].projectQuotaCpu.value",
                    "4",
                    "flyte.cluster_resources.customData[0].development[1].projectQuotaMemory.value",
                    "3000Mi",
                    "flyte.cluster_resources.customData[1].staging[0].projectQuotaCpu.value",
                    "2",
                    "flyte.cluster_resources.customData[1].staging[1].projectQuotaMemory.value",
                    "3000Mi",
                    "flyte.cluster_resources.customData[2].production.projectQuotaCpu.value",
                    "5",
                    "flyte.cluster_resources.customData[2].production.projectQuotaMemory.valueFrom.env",
                    "PRODUCTION_MEMORY",
                    "flyte.cluster_resources.templateData.gsa.value",
                    "gsa@example.iam.gserviceaccount.com")));
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(templates.resolve(name), content);
  }

  private String register(ProjectState state) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 4);
    AdminServiceGrpc.newBlockingStub(channel)
        .registerProject(
            ProjectRegisterRequest.newBuilder()
                .setProject(Project.newBuilder().setId(id).setName(id).setState(state))
                .build());
    return id;
  }

  private ClusterResourceSyncService service() {
    return new ClusterResourceSyncService(
        () ->
            ClusterResourceSyncService.activeProjects(projectService).get().stream()
                .filter(p -> p.getId().startsWith(prefix))
                .toList(),
        resourceService,
        new ClusterResourceProperties(templates.toString(), java.time.Duration.ofMinutes(1), false),
        new NamespaceMappingProperties(""),
        new ClusterTargets(List.of(new ClusterTargets.Target("", client))),
        environment,
        name -> "PRODUCTION_MEMORY".equals(name) ? "4000Mi" : null,
        new SimpleMeterRegistry());
  }

  private ResourceQuota quota(String namespace) {
    return client.resourceQuotas().inNamespace(namespace).withName("project-quota").get();
  }

  @Test
  void createsEveryTemplateInEveryProjectDomainNamespaceWithFlytesVariables() {
    String project = register(ProjectState.ACTIVE);
    String archived = register(ProjectState.ARCHIVED);

    SyncStats stats = service().sync();

    assertThat(stats.errors()).isEmpty();
    assertThat(stats.created()).isEqualTo(9);
    Namespace development = client.namespaces().withName(project + "-development").get();
    assertThat(development.getMetadata().getLabels())
        .containsEntry("project", project)
        .containsEntry("domain", "development");
    assertThat(quota(project + "-development").getSpec().getHard())
        .hasToString("{limits.cpu=4, limits.memory=3000Mi}");
    assertThat(quota(project + "-staging").getSpec().getHard().get("limits.cpu")).hasToString("2");
    assertThat(quota(project + "-production").getSpec().getHard())
        .hasToString("{limits.cpu=5, limits.memory=4000Mi}");
    ServiceAccount sa =
        client.serviceAccounts().inNamespace(project + "-staging").withName("default").get();
    assertThat(sa.getMetadata().getAnnotations())
        .containsEntry("iam.gke.io/gcp-service-account", "gsa@example.iam.gserviceaccount.com")
        .containsKey(ResourceApplier.LAST_APPLIED);
    assertThat(client.namespaces().withName(archived + "-development").get())
        .as("archived projects are not synced")
        .isNull();
  }

  @Test
  void leavesUnchangedObjectsAloneAlsoAfterARestart() {
    String project = register(ProjectState.ACTIVE);
    ClusterResourceSyncService service = service();
    service.sync();
    String version = quota(project + "-staging").getMetadata().getResourceVersion();

    SyncStats cached = service.sync();
    SyncStats restarted = service().sync();

    assertThat(cached).extracting(SyncStats::unchanged, SyncStats::created).containsExactly(9, 0);
    assertThat(restarted.unchanged()).as("an empty patch is not sent").isEqualTo(9);
    assertThat(restarted.updated()).isZero();
    assertThat(quota(project + "-staging").getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void patchesWhenAProjectDomainsAttributesChange() {
    String project = register(ProjectState.ACTIVE);
    ClusterResourceSyncService service = service();
    service.sync();
    String stagingVersion = quota(project + "-staging").getMetadata().getResourceVersion();

    resourceService.updateProjectDomainAttributes(
        ProjectDomainAttributesUpdateRequest.newBuilder()
            .setAttributes(
                ProjectDomainAttributes.newBuilder()
                    .setProject(project)
                    .setDomain("development")
                    .setMatchingAttributes(
                        MatchingAttributes.newBuilder()
                            .setClusterResourceAttributes(
                                ClusterResourceAttributes.newBuilder()
                                    .putAttributes("projectQuotaCpu", "16"))))
            .build());
    SyncStats stats = service.sync();

    assertThat(stats.updated()).isEqualTo(1);
    assertThat(stats.unchanged()).isEqualTo(8);
    assertThat(quota(project + "-development").getSpec().getHard())
        .hasToString("{limits.cpu=16, limits.memory=3000Mi}");
    assertThat(quota(project + "-staging").getMetadata().getResourceVersion())
        .isEqualTo(stagingVersion);
  }

  @Test
  void patchesWhenATemplateChangesAndRemovesWhatItNoLongerSets() throws IOException {
    String project = register(ProjectState.ACTIVE);
    ClusterResourceSyncService service = service();
    service.sync();
    // Someone else's label on the live object must survive the patch.
    client
        .namespaces()
        .withName(project + "-production")
        .edit(
            n -> {
              n.getMetadata().getLabels().put("owner", "ops");
              return n;
            });

    write(
        "aa_namespace.yaml",
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {{ namespace }}
          labels:
            project: {{ project }}
            tier: flyte
        spec:
          finalizers:
          - kubernetes
        """);
    SyncStats stats = service.sync();

    assertThat(stats.updated()).isEqualTo(3);
    Map<String, String> labels =
        client.namespaces().withName(project + "-production").get().getMetadata().getLabels();
    assertThat(labels)
        .containsEntry("project", project)
        .containsEntry("tier", "flyte")
        .containsEntry("owner", "ops");
    // The patch sets the label to null, which deletes it (RFC 7386); the mock server keeps the key.
    assertThat(labels.get("domain")).isNull();
  }

  @Test
  void collectsErrorsAndAppliesTheOtherTemplates() throws IOException {
    String project = register(ProjectState.ACTIVE);
    write("zz_broken.yaml", "apiVersion: v1\nkind: [not, a, kind]\n");

    SyncStats stats = service().sync();

    assertThat(stats.errored()).isEqualTo(3);
    assertThat(stats.errors()).hasSize(3).allMatch(e -> e.startsWith("template zz_broken.yaml"));
    assertThat(stats.created()).isEqualTo(9);
    assertThat(quota(project + "-production")).isNotNull();
  }

  @Test
  void refusesReservedAndUnsetValues() {
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "bad",
                Map.of(
                    "flyte.cluster_resources.templateData.namespace.value", "mine",
                    "flyte.cluster_resources.templateData.empty.valueFrom.env", "UNSET")));
    register(ProjectState.ACTIVE);

    SyncStats stats = service().sync();

    assertThat(stats.errors())
        .contains(
            "cluster_resources.templateData: 'namespace' is reserved and cannot be set",
            "failed to substitute parameterized value for empty: unset");
  }
}
