package org.flyte.admin.service.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kubernetes' name rules with apimachinery's messages, as Flyte prints them. */
class KubernetesNamesTest {

  @Test
  void dnsLabelsAreLowercaseAlphanumericsAndDashesOfAtMost63Characters() {
    assertThat(KubernetesNames.dns1123Label("flytesnacks")).isEmpty();
    assertThat(KubernetesNames.dns1123Label("a-1")).isEmpty();
    assertThat(KubernetesNames.dns1123Label("a".repeat(63))).isEmpty();
    assertThat(KubernetesNames.dns1123Label("a.b")).containsExactly("must not contain dots");
    assertThat(KubernetesNames.dns1123Label("a".repeat(64)))
        .containsExactly("must be no more than 63 characters");
    assertThat(KubernetesNames.dns1123Label("-a"))
        .containsExactly(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or"
                + " '-', and must start and end with an alphanumeric character (e.g. 'my-name',"
                + "  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    assertThat(KubernetesNames.dns1123Label("")).hasSize(1);
  }

  @Test
  void labelKeysMayHaveADnsSubdomainPrefix() {
    assertThat(KubernetesNames.labelKey("app.kubernetes.io/name")).isEmpty();
    assertThat(KubernetesNames.labelKey("My_Key.1")).isEmpty();
    assertThat(KubernetesNames.labelKey("/name")).containsExactly("prefix part must be non-empty");
    assertThat(KubernetesNames.labelKey("Example.com/name"))
        .singleElement()
        .asString()
        .startsWith("prefix part a lowercase RFC 1123 subdomain must consist of");
    assertThat(KubernetesNames.labelKey("a/")).first().isEqualTo("name part must be non-empty");
    assertThat(KubernetesNames.labelKey("a/b/c"))
        .singleElement()
        .asString()
        .startsWith("a valid label key must consist of")
        .endsWith("with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
    assertThat(KubernetesNames.labelKey("k".repeat(64)))
        .containsExactly("name part must be no more than 63 characters");
  }

  @Test
  void labelValuesMayBeEmpty() {
    assertThat(KubernetesNames.labelValue("")).isEmpty();
    assertThat(KubernetesNames.labelValue("my_value-1.0")).isEmpty();
    assertThat(KubernetesNames.labelValue("v".repeat(64)))
        .containsExactly("must be no more than 63 characters");
    assertThat(KubernetesNames.labelValue("a b")).hasSize(1);
  }

  @Test
  void listsPrintAsGoPrintsAStringSlice() {
    assertThat(KubernetesNames.goList(List.of("a b", "c"))).isEqualTo("[a b c]");
    assertThat(KubernetesNames.goList(List.of())).isEqualTo("[]");
  }
}
