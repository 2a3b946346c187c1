package org.flyte.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.io.support.SpringFactoriesLoader;

class UnusedAutoConfigurationsTest {

  private static List<String> candidates() {
    List<String> names = new ArrayList<>();
    ImportCandidates.load(
            AutoConfiguration.class, UnusedAutoConfigurationsTest.class.getClassLoader())
        .forEach(names::add);
    return names;
  }

  @Test
  void everyDroppedNameIsAnAutoConfigurationOfThisClasspath() {
    // A Spring Boot upgrade that renames one must fail here, not silently keep it.
    assertThat(candidates()).containsAll(UnusedAutoConfigurations.DROPPED);
  }

  @Test
  void dropsExactlyTheListedOnes() {
    String[] names = candidates().toArray(String[]::new);
    boolean[] kept = new UnusedAutoConfigurations().match(names, null);
    List<String> dropped = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (!kept[i]) {
        dropped.add(names[i]);
      }
    }
    assertThat(dropped).containsExactlyInAnyOrderElementsOf(UnusedAutoConfigurations.DROPPED);
    assertThat(candidates())
        .contains(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.flyte.common.rest.RestGatewayAutoConfiguration");
  }

  @Test
  void keepsTheEntriesAnEarlierFilterRemoved() {
    assertThat(new UnusedAutoConfigurations().match(new String[] {null}, null))
        .containsExactly(true);
  }

  @Test
  void isRegisteredAsAnImportFilter() {
    assertThat(
            SpringFactoriesLoader.forDefaultResourceLocation()
                .load(AutoConfigurationImportFilter.class))
        .anyMatch(UnusedAutoConfigurations.class::isInstance);
  }
}
