package org.flyte.admin.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flyte's GetPublicURL matching ({@code flyteadmin/auth/handler_utils.go}, v1.16.8). */
class PublicUrlsTest {

  private final PublicUrls urls =
      new PublicUrls(
          List.of(
              URI.create("https://localhost:30081"),
              URI.create("http://flyteadmin:80"),
              URI.create("http://flyteadmin.flyte.svc.cluster.local:80")));

  @Test
  void matchesHostAndSchemeThenPortThenHostThenTheFirst() {
    assertThat(urls.forRequest(null, "localhost:30081")).isEqualTo("https://localhost:30081");
    assertThat(urls.forRequest(null, "flyteadmin:80")).isEqualTo("http://flyteadmin:80");
    assertThat(urls.forRequest(null, "flyteadmin:81")).isEqualTo("http://flyteadmin:80");
    assertThat(urls.forRequest(null, "elsewhere:443")).isEqualTo("https://localhost:30081");
    assertThat(urls.forRequest(null, null)).isEqualTo("https://localhost:30081");
    assertThat(new PublicUrls(List.of()).forRequest(null, "admin.example.com:8443"))
        .isEqualTo("https://admin.example.com:8443");
  }

  @Test
  void everyNameOfTheServiceIsAnAcceptedAudience() {
    assertThat(urls.acceptedAudiences("http://flyteadmin:80", List.of("api://flyte", "")))
        .containsExactly(
            "http://flyteadmin:80",
            "https://localhost:30081",
            "http://flyteadmin.flyte.svc.cluster.local:80",
            "api://flyte");
  }

  @Test
  void redirectsGoToRelativeUrlsOrAuthorizedOrigins() {
    assertThat(urls.redirectAllowed("/console")).isTrue();
    assertThat(urls.redirectAllowed("")).isTrue();
    assertThat(urls.redirectAllowed("https://localhost:30081/console")).isTrue();
    assertThat(urls.redirectAllowed("https://localhost:30082/console")).isFalse();
    assertThat(urls.redirectAllowed("https://evil.example.com/")).isFalse();
    assertThat(urls.redirectAllowed("//evil.example.com/")).isFalse();
  }
}
