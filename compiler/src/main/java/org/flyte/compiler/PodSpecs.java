package org.flyte.compiler;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks on the pod spec of a {@code k8s_pod} task (Go: {@code validateK8sPod} in {@code
 * task_compiler.go}, v1.16.8, which decodes the spec into a Kubernetes {@code PodSpec} and checks
 * container names).
 *
 * <p>Decoding is reproduced for the fields tasks actually set: a field of the pod spec, of a
 * container, of an environment variable, of a container port or of resource requirements whose JSON
 * kind does not match its Go type makes the spec invalid (field names match case-insensitively,
 * {@code null} is always accepted, unknown fields are ignored, resource quantities must parse).
 * Nested objects this table does not describe (probes, affinity, security contexts, volumes...) are
 * only required to be objects.
 */
final class PodSpecs {

  private enum Kind {
    STRING,
    BOOL,
    INT,
    OBJECT,
    STRING_LIST,
    OBJECT_LIST,
    STRING_MAP,
    QUANTITY_MAP,
    CONTAINER_LIST,
    ENV_LIST,
    PORT_LIST,
    RESOURCES
  }

  private static final Map<String, Kind> POD_SPEC =
      lowerCase(
          Map.ofEntries(
              Map.entry("volumes", Kind.OBJECT_LIST),
              Map.entry("initContainers", Kind.CONTAINER_LIST),
              Map.entry("containers", Kind.CONTAINER_LIST),
              Map.entry("ephemeralContainers", Kind.CONTAINER_LIST),
              Map.entry("restartPolicy", Kind.STRING),
              Map.entry("terminationGracePeriodSeconds", Kind.INT),
              Map.entry("activeDeadlineSeconds", Kind.INT),
              Map.entry("dnsPolicy", Kind.STRING),
              Map.entry("nodeSelector", Kind.STRING_MAP),
              Map.entry("serviceAccountName", Kind.STRING),
              Map.entry("serviceAccount", Kind.STRING),
              Map.entry("automountServiceAccountToken", Kind.BOOL),
              Map.entry("nodeName", Kind.STRING),
              Map.entry("hostNetwork", Kind.BOOL),
              Map.entry("hostPID", Kind.BOOL),
              Map.entry("hostIPC", Kind.BOOL),
              Map.entry("shareProcessNamespace", Kind.BOOL),
              Map.entry("securityContext", Kind.OBJECT),
              Map.entry("imagePullSecrets", Kind.OBJECT_LIST),
              Map.entry("hostname", Kind.STRING),
              Map.entry("subdomain", Kind.STRING),
              Map.entry("affinity", Kind.OBJECT),
              Map.entry("schedulerName", Kind.STRING),
              Map.entry("tolerations", Kind.OBJECT_LIST),
              Map.entry("hostAliases", Kind.OBJECT_LIST),
              Map.entry("priorityClassName", Kind.STRING),
              Map.entry("priority", Kind.INT),
              Map.entry("dnsConfig", Kind.OBJECT),
              Map.entry("readinessGates", Kind.OBJECT_LIST),
              Map.entry("runtimeClassName", Kind.STRING),
              Map.entry("enableServiceLinks", Kind.BOOL),
              Map.entry("preemptionPolicy", Kind.STRING),
              Map.entry("overhead", Kind.QUANTITY_MAP),
              Map.entry("topologySpreadConstraints", Kind.OBJECT_LIST),
              Map.entry("setHostnameAsFQDN", Kind.BOOL),
              Map.entry("os", Kind.OBJECT),
              Map.entry("hostUsers", Kind.BOOL),
              Map.entry("schedulingGates", Kind.OBJECT_LIST),
              Map.entry("resourceClaims", Kind.OBJECT_LIST),
              Map.entry("resources", Kind.RESOURCES)));

  private static final Map<String, Kind> CONTAINER =
      lowerCase(
          Map.ofEntries(
              Map.entry("name", Kind.STRING),
              Map.entry("image", Kind.STRING),
              Map.entry("command", Kind.STRING_LIST),
              Map.entry("args", Kind.STRING_LIST),
              Map.entry("workingDir", Kind.STRING),
              Map.entry("ports", Kind.PORT_LIST),
              Map.entry("envFrom", Kind.OBJECT_LIST),
              Map.entry("env", Kind.ENV_LIST),
              Map.entry("resources", Kind.RESOURCES),
              Map.entry("resizePolicy", Kind.OBJECT_LIST),
              Map.entry("restartPolicy", Kind.STRING),
              Map.entry("volumeMounts", Kind.OBJECT_LIST),
              Map.entry("volumeDevices", Kind.OBJECT_LIST),
              Map.entry("livenessProbe", Kind.OBJECT),
              Map.entry("readinessProbe", Kind.OBJECT),
              Map.entry("startupProbe", Kind.OBJECT),
              Map.entry("lifecycle", Kind.OBJECT),
              Map.entry("terminationMessagePath", Kind.STRING),
              Map.entry("terminationMessagePolicy", Kind.STRING),
              Map.entry("imagePullPolicy", Kind.STRING),
              Map.entry("securityContext", Kind.OBJECT),
              Map.entry("stdin", Kind.BOOL),
              Map.entry("stdinOnce", Kind.BOOL),
              Map.entry("tty", Kind.BOOL)));

  private static final Map<String, Kind> ENV_VAR =
      lowerCase(Map.of("name", Kind.STRING, "value", Kind.STRING, "valueFrom", Kind.OBJECT));

  private static final Map<String, Kind> PORT =
      lowerCase(
          Map.of(
              "name", Kind.STRING,
              "hostPort", Kind.INT,
              "containerPort", Kind.INT,
              "protocol", Kind.STRING,
              "hostIP", Kind.STRING));

  private static final Map<String, Kind> RESOURCES =
      lowerCase(
          Map.of(
              "limits", Kind.QUANTITY_MAP,
              "requests", Kind.QUANTITY_MAP,
              "claims", Kind.OBJECT_LIST));

  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private PodSpecs() {}

  /** Whether Flyte could decode {@code podSpec} into a Kubernetes pod spec. */
  static boolean decodes(Struct podSpec) {
    return fitsObject(podSpec, POD_SPEC);
  }

  /** The names of the pod's (main) containers that are not DNS-1123 labels. */
  static List<String> invalidContainerNames(Struct podSpec) {
    List<String> invalid = new ArrayList<>();
    Value containers = field(podSpec, "containers");
    if (containers != null && containers.hasListValue()) {
      for (Value container : containers.getListValue().getValuesList()) {
        String name = "";
        if (container.hasStructValue()) {
          Value v = field(container.getStructValue(), "name");
          name = v != null && v.hasStringValue() ? v.getStringValue() : "";
        }
        if (name.length() > 63 || !DNS_1123_LABEL.matcher(name).matches()) {
          invalid.add(name);
        }
      }
    }
    return invalid;
  }

  private static Value field(Struct struct, String name) {
    Value exact = struct.getFieldsMap().get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, Value> e : struct.getFieldsMap().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static boolean fitsObject(Struct object, Map<String, Kind> fields) {
    for (Map.Entry<String, Value> e : object.getFieldsMap().entrySet()) {
      Kind kind = fields.get(e.getKey().toLowerCase(Locale.ROOT));
      if (kind != null && !fits(e.getValue(), kind)) {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(Value value, Kind kind) {
    if (value.hasNullValue()) {
      return true;
    }
    return switch (kind) {
      case STRING -> value.hasStringValue();
      case BOOL -> value.hasBoolValue();
      case INT ->
          value.hasNumberValue()
              && value.getNumberValue() == Math.rint(value.getNumberValue())
              && Math.abs(value.getNumberValue()) < 0x1p63;
      case OBJECT -> value.hasStructValue();
      case STRING_LIST -> allOf(value, Kind.STRING);
      case OBJECT_LIST -> allOf(value, Kind.OBJECT);
      case CONTAINER_LIST -> listOfObjects(value, CONTAINER);
      case ENV_LIST -> listOfObjects(value, ENV_VAR);
      case PORT_LIST -> listOfObjects(value, PORT);
      case RESOURCES -> value.hasStructValue() && fitsObject(value.getStructValue(), RESOURCES);
      case STRING_MAP -> mapOf(value, Kind.STRING);
      case QUANTITY_MAP -> value.hasStructValue() && quantities(value.getStructValue());
    };
  }

  private static boolean allOf(Value value, Kind kind) {
    if (!value.hasListValue()) {
      return false;
    }
    return value.getListValue().getValuesList().stream().allMatch(v -> fits(v, kind));
  }

  private static boolean listOfObjects(Value value, Map<String, Kind> fields) {
    if (!value.hasListValue()) {
      return false;
    }
    for (Value item : value.getListValue().getValuesList()) {
      if (!item.hasNullValue()
          && !(item.hasStructValue() && fitsObject(item.getStructValue(), fields))) {
        return false;
      }
    }
    return true;
  }

  private static boolean mapOf(Value value, Kind kind) {
    return value.hasStructValue()
        && value.getStructValue().getFieldsMap().values().stream().allMatch(v -> fits(v, kind));
  }

  private static boolean quantities(Struct map) {
    for (Value v : map.getFieldsMap().values()) {
      boolean ok =
          v.hasNullValue()
              || (v.hasStringValue() && Quantity.isValid(v.getStringValue()))
              || (v.hasNumberValue() && Quantity.isValid(numberText(v.getNumberValue())));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** How Go's JSON encoder writes a number of a protobuf {@code Struct}. */
  private static String numberText(double n) {
    if (n == Math.rint(n) && Math.abs(n) < 1e21) {
      return String.valueOf((long) n);
    }
    return String.valueOf(n).replace("E", "e+").replace("e+-", "e-");
  }

  private static Map<String, Kind> lowerCase(Map<String, Kind> fields) {
    Map<String, Kind> out = new java.util.HashMap<>();
    fields.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return Map.copyOf(out);
  }
}
