package org.flyte.admin.service.validation;

import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flyte.common.error.FlyteException;

/**
 * The checks of a project in RegisterProject and UpdateProject, in Flyte's order with its messages
 * (all INVALID_ARGUMENT). Follows {@code
 * flyteadmin/pkg/manager/impl/validation/project_validator.go} and {@code validation.go} (v1.16.8).
 * Lengths are counted in UTF-8 bytes, as Go's {@code len} counts them. Labels are checked in key
 * order (Go walks its map in random order, so which bad label it names first varies).
 */
public final class ProjectValidator {

  private static final int MAX_NAME_LENGTH = 64;
  private static final int MAX_DESCRIPTION_LENGTH = 300;
  private static final int MAX_LABELS = 16;

  private ProjectValidator() {}

  /** RegisterProject: a project with a name, then {@link #validate}. */
  public static void validateRegister(ProjectRegisterRequest request) {
    if (!request.hasProject()) {
      throw FlyteException.invalidArgument("missing project");
    }
    if (request.getProject().getName().isEmpty()) {
      throw FlyteException.invalidArgument("missing project_name");
    }
    validate(request.getProject());
  }

  /** The checks shared by RegisterProject and UpdateProject. */
  public static void validate(Project project) {
    if (project.getId().isEmpty()) {
      throw FlyteException.invalidArgument("missing project_id");
    }
    validateLabels(project.getLabels().getValuesMap());
    List<String> idErrors = KubernetesNames.dns1123Label(project.getId());
    if (!idErrors.isEmpty()) {
      throw FlyteException.invalidArgument(
          "invalid project id [%s]: %s", project.getId(), KubernetesNames.goList(idErrors));
    }
    requireMaxLength(project.getName(), "project_name", MAX_NAME_LENGTH);
    requireMaxLength(project.getDescription(), "project_description", MAX_DESCRIPTION_LENGTH);
    if (project.getDomainsCount() > 0) {
      throw FlyteException.invalidArgument(
          "Domains are currently only set system wide. Please retry without domains included in"
              + " your request.");
    }
  }

  /**
   * Flyte's {@code validateLabels} (validation.go), shared by projects and launch plans: at most 16
   * labels, each key a Kubernetes qualified name and each value a label value.
   */
  public static void validateLabels(Map<String, String> labels) {
    if (labels.size() > MAX_LABELS) {
      throw FlyteException.invalidArgument("labels map cannot exceed %d entries", MAX_LABELS);
    }
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      List<String> keyErrors = KubernetesNames.labelKey(label.getKey());
      if (!keyErrors.isEmpty()) {
        throw FlyteException.invalidArgument(
            "invalid label key [%s]: %s", label.getKey(), KubernetesNames.goList(keyErrors));
      }
      List<String> valueErrors = KubernetesNames.labelValue(label.getValue());
      if (!valueErrors.isEmpty()) {
        throw FlyteException.invalidArgument(
            "invalid label value [%s]: %s", label.getValue(), KubernetesNames.goList(valueErrors));
      }
    }
  }

  private static void requireMaxLength(String value, String field, int limit) {
    if (KubernetesNames.bytes(value) > limit) {
      throw FlyteException.invalidArgument("%s cannot exceed %d characters", field, limit);
    }
  }
}
