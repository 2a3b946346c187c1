package org.flyte.admin.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;

class LoginCookiesTest {

  private final LoginCookies cookies =
      new LoginCookies(
          new SecureCookieCodec(new byte[64], new byte[32], Clock.systemUTC()),
          "",
          "LaxMode",
          true);

  private static Map<String, String> jar(List<ResponseCookie> set) {
    Map<String, String> jar = new LinkedHashMap<>();
    set.stream()
        .filter(c -> !c.getValue().isEmpty())
        .forEach(c -> jar.put(c.getName(), c.getValue()));
    return jar;
  }

  @Test
  void largeTokensAreSplitIntoCookiesBrowsersAccept() {
    String idToken = "i".repeat(6000); // an Entra ID token with many groups
    String accessToken = "a".repeat(9000);
    List<ResponseCookie> set =
        cookies.tokens(
            new OpenIdProvider.Tokens(accessToken, idToken, "r"), "{\"name\":\"Alice\"}");
    set.forEach(c -> assertThat(c.toString().length()).as(c.getName()).isLessThan(4096));
    assertThat(set).allSatisfy(c -> assertThat(c.isHttpOnly()).isTrue());
    assertThat(set.stream().filter(c -> !c.getValue().isEmpty()).map(ResponseCookie::getName))
        .contains(
            "flyte_idt", "flyte_idt_2", "flyte_at_1", "flyte_at_2", "flyte_rt", "flyte_user_info");
    Map<String, String> jar = jar(set);
    assertThat(cookies.idToken(jar)).hasValue(idToken);
    assertThat(cookies.accessToken(jar)).hasValue(accessToken);
    assertThat(cookies.refreshToken(jar)).hasValue("r");
    assertThat(cookies.userInfo(jar)).hasValue("{\"name\":\"Alice\"}");
    assertThat(set.get(0).getSameSite()).isEqualTo("Lax");
    assertThat(set.get(0).isSecure()).isTrue();
  }

  @Test
  void cookieHeadersParseAndLogoutExpiresTheTokens() {
    assertThat(LoginCookies.parse(List.of("a=1; flyte_idt=\"x\"", "b=2")))
        .containsEntry("a", "1")
        .containsEntry("flyte_idt", "x")
        .containsEntry("b", "2");
    assertThat(cookies.logout())
        .extracting(ResponseCookie::getName)
        .contains("flyte_at", "flyte_at_1", "flyte_at_2", "flyte_rt", "flyte_idt")
        .doesNotContain("flyte_user_info");
    assertThat(cookies.logout()).allSatisfy(c -> assertThat(c.getMaxAge().isZero()).isTrue());
  }
}
