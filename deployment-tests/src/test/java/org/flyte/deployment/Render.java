package org.flyte.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The renders committed under {@code deployment/}, one per overlay, as Flyte commits its {@code
 * deployment/<cloud>/flyte_helm_*generated.yaml}. {@code deployment/generate.sh} rewrites them.
 */
enum Render {
  CORE("core/flyte_helm_generated.yaml", Charts.CORE),
  EKS("eks/flyte_helm_generated.yaml", Charts.CORE, "values-eks.yaml"),
  EKS_CONTROLPLANE(
      "eks/flyte_helm_controlplane_generated.yaml",
      Charts.CORE,
      "values-eks.yaml",
      "values-controlplane.yaml"),
  EKS_DATAPLANE(
      "eks/flyte_helm_dataplane_generated.yaml",
      Charts.CORE,
      "values-eks.yaml",
      "values-dataplane.yaml"),
  GCP("gcp/flyte_helm_generated.yaml", Charts.CORE, "values-gcp.yaml"),
  GCP_CONTROLPLANE(
      "gcp/flyte_helm_controlplane_generated.yaml",
      Charts.CORE,
      "values-gcp.yaml",
      "values-controlplane.yaml"),
  GCP_DATAPLANE(
      "gcp/flyte_helm_dataplane_generated.yaml",
      Charts.CORE,
      "values-gcp.yaml",
      "values-dataplane.yaml"),
  SANDBOX("sandbox/flyte_helm_generated.yaml", Charts.CORE, "values-sandbox.yaml"),
  SANDBOX_CHART("sandbox/flyte_sandbox_generated.yaml", Charts.SANDBOX);

  /** The command that rewrites every committed render. */
  static final String REGENERATE = "deployment/generate.sh";

  private static final Map<Render, String> RENDERED = new ConcurrentHashMap<>();

  final String file;
  final Path chart;
  final List<Path> values;

  Render(String file, Path chart, String... overlays) {
    this.file = file;
    this.chart = chart;
    List<Path> values = new ArrayList<>();
    for (String overlay : overlays) {
      values.add(chart.resolve(overlay));
    }
    this.values = List.copyOf(values);
  }

  /** Where the render is committed. */
  Path committed() {
    return Charts.ROOT.resolve("deployment").resolve(file);
  }

  /** A fresh render (once per JVM). */
  String render() {
    return RENDERED.computeIfAbsent(this, r -> Charts.template(r.chart, r.values));
  }

  /** The render's objects. */
  List<Map<String, Object>> objects() {
    return Charts.documents(render());
  }
}
