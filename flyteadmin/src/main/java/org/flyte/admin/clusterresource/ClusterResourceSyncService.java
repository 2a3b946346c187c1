package org.flyte.admin.clusterresource;

import flyteidl.admin.Common.Sort;
import flyteidl.admin.MatchableResourceOuterClass.MatchableAttributesConfiguration;
import flyteidl.admin.MatchableResourceOuterClass.MatchableResource;
import flyteidl.admin.ProjectOuterClass.Domain;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.flyte.admin.clusterresource.ClusterTargets.Target;
import org.flyte.admin.clusterresource.ResourceApplier.Outcome;
import org.flyte.admin.executor.NamespaceMappingProperties;
import org.flyte.admin.service.project.ProjectService;
import org.flyte.admin.service.resource.ResourceService;
import org.flyte.common.config.FlyteConfigTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * One sync of the cluster resources: for every project that is not archived and each of its
 * domains, renders every {@code *.yaml} template of {@code cluster_resources.templatePath} (in file
 * name order) for the project-domain's namespace and applies it to every cluster. Follows {@code
 * Sync} of {@code flyteadmin/pkg/clusterresource/controller.go} (v1.16.8):
 *
 * <ul>
 *   <li>variables are replaced as plain text, {@code {{ name }}} with exactly one space inside the
 *       braces: first the project-domain's own values (the domain's {@code customData}, overlaid
 *       with the {@code CLUSTER_RESOURCE} matchable attributes of the project-domain or project),
 *       then {@code templateData} and {@code {{ namespace }}}, {@code {{ project }}} (its id) and
 *       {@code {{ domain }}} (the domain's id);
 *   <li>the namespace is {@code namespace_mapping.template} with the project id and the domain's
 *       name;
 *   <li>a rendered template whose checksum was already applied to a cluster by this process is
 *       skipped; otherwise it is applied ({@link ResourceApplier});
 *   <li>every error is collected and the sync goes on.
 * </ul>
 */
public class ClusterResourceSyncService {

  private static final Logger log = LoggerFactory.getLogger(ClusterResourceSyncService.class);

  static final String TEMPLATE_DATA = "flyte.cluster_resources.templateData";
  static final String CUSTOM_DATA = "flyte.cluster_resources.customData";

  private final Supplier<List<Project>> projects;
  private final ResourceService resources;
  private final ClusterResourceProperties properties;
  private final NamespaceMappingProperties namespaces;
  private final ClusterTargets targets;
  private final ConfigurableEnvironment environment;
  private final UnaryOperator<String> env;
  private final Map<String, String> applied = new ConcurrentHashMap<>();
  private final Counter syncs;
  private final Counter syncErrors;
  private final Map<Outcome, Counter> outcomes = new LinkedHashMap<>();
  private final Counter resourceErrors;

  /**
   * @param projects the projects to sync, with their domains ({@link #activeProjects})
   * @param env the environment variables ({@code System::getenv}), for {@code valueFrom.env}
   */
  public ClusterResourceSyncService(
      Supplier<List<Project>> projects,
      ResourceService resources,
      ClusterResourceProperties properties,
      NamespaceMappingProperties namespaces,
      ClusterTargets targets,
      ConfigurableEnvironment environment,
      UnaryOperator<String> env,
      MeterRegistry meters) {
    this.projects = projects;
    this.resources = resources;
    this.properties = properties;
    this.namespaces = namespaces;
    this.targets = targets;
    this.environment = environment;
    this.env = env;
    this.syncs = meters.counter("flyte.clusterresource.syncs");
    this.syncErrors = meters.counter("flyte.clusterresource.sync.errors");
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(
          outcome,
          meters.counter(
              "flyte.clusterresource.resources", "outcome", outcome.name().toLowerCase()));
    }
    this.resourceErrors = meters.counter("flyte.clusterresource.resources", "outcome", "error");
  }

  /**
   * The projects that are not archived, newest first, with the configured domains (Flyte's {@code
   * dbAdminProvider.GetProjects}).
   */
  public static Supplier<List<Project>> activeProjects(ProjectService projects) {
    ProjectListRequest newestFirst =
        ProjectListRequest.newBuilder()
            .setSortBy(
                Sort.newBuilder().setKey("created_at").setDirection(Sort.Direction.DESCENDING))
            .build();
    return () -> projects.list(newestFirst).getProjectsList();
  }

  /** One pass over every project-domain and cluster. */
  public SyncStats sync() {
    syncs.increment();
    List<String> errors = new ArrayList<>();
    Map<String, String> global =
        TemplateValues.resolve(
            FlyteConfigTree.read(environment, TEMPLATE_DATA),
            "cluster_resources.templateData",
            env,
            errors);
    Map<String, Map<String, String>> perDomain =
        TemplateValues.resolvePerDomain(
            FlyteConfigTree.read(environment, CUSTOM_DATA), env, errors);
    Map<String, String> templates = readTemplates(errors);
    int[] counts = new int[Outcome.values().length + 1];
    for (Project project : projects.get()) {
      for (Domain domain : project.getDomainsList()) {
        String namespace = namespaces.namespace(project.getId(), domain.getName());
        Map<String, String> own =
            new LinkedHashMap<>(perDomain.getOrDefault(domain.getId(), Map.of()));
        own.putAll(attributes(project.getId(), domain.getId()));
        Map<String, String> system = new LinkedHashMap<>(global);
        system.put(TemplateValues.variable("namespace"), namespace);
        system.put(TemplateValues.variable("project"), project.getId());
        system.put(TemplateValues.variable("domain"), domain.getId());
        templates.forEach(
            (file, template) -> {
              String manifest = render(template, own, system);
              for (Target target : targets.targets()) {
                apply(target, namespace, file, manifest, counts, errors);
              }
            });
      }
    }
    SyncStats stats =
        new SyncStats(
            counts[Outcome.CREATED.ordinal()],
            counts[Outcome.UPDATED.ordinal()],
            counts[Outcome.UNCHANGED.ordinal()],
            counts[Outcome.values().length],
            List.copyOf(errors));
    if (stats.failed()) {
      syncErrors.increment(errors.size());
      log.warn("Cluster resource sync: {}; {} error(s): {}", stats, errors.size(), errors);
    } else {
      log.info("Cluster resource sync: {}", stats);
    }
    return stats;
  }

  private void apply(
      Target target,
      String namespace,
      String file,
      String manifest,
      int[] counts,
      List<String> errors) {
    String key = target.id() + "\u0000" + namespace + "\u0000" + file;
    String checksum = md5(manifest);
    if (checksum.equals(applied.get(key))) {
      counts[Outcome.UNCHANGED.ordinal()]++;
      outcomes.get(Outcome.UNCHANGED).increment();
      return;
    }
    try {
      Outcome outcome = ResourceApplier.apply(target.client(), namespace, manifest);
      counts[outcome.ordinal()]++;
      outcomes.get(outcome).increment();
      applied.put(key, checksum);
    } catch (RuntimeException e) {
      counts[Outcome.values().length]++;
      resourceErrors.increment();
      errors.add(
          "template %s for namespace %s%s: %s"
              .formatted(
                  file,
                  namespace,
                  target.id().isEmpty() ? "" : " in cluster " + target.id(),
                  reason(e)));
    }
  }

  /** The message of {@code e} and of its causes ("An error has occurred." says little alone). */
  private static String reason(Throwable e) {
    StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      reason.append(": ").append(cause.getMessage());
    }
    return reason.toString();
  }

  /** The project-domain's CLUSTER_RESOURCE attributes as template values (none: empty). */
  private Map<String, String> attributes(String project, String domain) {
    Map<String, String> values = new LinkedHashMap<>();
    resources
        .resolve(project, domain, "", "", MatchableResource.CLUSTER_RESOURCE)
        .map(MatchableAttributesConfiguration::getAttributes)
        .filter(a -> a.hasClusterResourceAttributes())
        .ifPresent(
            a ->
                a.getClusterResourceAttributes()
                    .getAttributesMap()
                    .forEach((k, v) -> values.put(TemplateValues.variable(k), v)));
    return values;
  }

  static String render(String template, Map<String, String> own, Map<String, String> system) {
    String manifest = template;
    for (Map.Entry<String, String> value : own.entrySet()) {
      manifest = manifest.replace(value.getKey(), value.getValue());
    }
    for (Map.Entry<String, String> value : system.entrySet()) {
      manifest = manifest.replace(value.getKey(), value.getValue());
    }
    return manifest;
  }

  /** The {@code *.yaml} files of the template directory by name; other files are ignored. */
  private Map<String, String> readTemplates(List<String> errors) {
    Map<String, String> templates = new TreeMap<>();
    Path dir = Path.of(properties.templatePath());
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") && Files.isRegularFile(file)) {
          templates.put(name, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      errors.add(
          "cannot read the template directory cluster_resources.templatePath [%s]: %s"
              .formatted(dir, e));
    }
    return templates;
  }

  private static String md5(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
