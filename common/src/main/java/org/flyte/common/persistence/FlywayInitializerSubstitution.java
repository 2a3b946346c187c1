package org.flyte.common.persistence;

import java.util.Arrays;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.Ordered;

/**
 * Where Boot's Flyway auto-configuration defined its {@code flyway} and {@code flywayInitializer}
 * beans (so under exactly Boot's own conditions) and the app has no {@link FlywayMigrationStrategy}
 * of its own, puts {@link MigrateWhenNeeded#flywayInitializer} in place of Boot's initializer,
 * which would build Flyway and migrate on every start, and makes {@code flyway} lazy.
 *
 * <p>Runs after Boot's database-initialization ordering (an order-0 post-processor), which made
 * every bean that needs the schema depend on both {@code flyway} and {@code flywayInitializer}: the
 * dependency on {@code flyway} is dropped where the one on {@code flywayInitializer} stays, since
 * the initializer is what leaves the schema migrated.
 */
final class FlywayInitializerSubstitution implements BeanFactoryPostProcessor, Ordered {

  static final String FLYWAY = "flyway";
  static final String INITIALIZER = "flywayInitializer";
  private static final String BOOT_CONFIGURATION =
      FlywayAutoConfiguration.class.getName() + "$FlywayConfiguration";

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (!(beanFactory instanceof BeanDefinitionRegistry registry)
        || !definedByBoot(registry, FLYWAY)
        || !definedByBoot(registry, INITIALIZER)
        || beanFactory.getBeanNamesForType(FlywayMigrationStrategy.class, true, false).length > 0) {
      return;
    }
    BeanDefinition boot = registry.getBeanDefinition(INITIALIZER);
    RootBeanDefinition initializer = new RootBeanDefinition(MigrateWhenNeeded.class);
    initializer.setFactoryMethodName("flywayInitializer");
    initializer.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
    initializer.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
    initializer.setDependsOn(withoutFlyway(boot.getDependsOn()));
    for (String attribute : boot.attributeNames()) {
      initializer.setAttribute(attribute, boot.getAttribute(attribute));
    }
    registry.removeBeanDefinition(INITIALIZER);
    registry.registerBeanDefinition(INITIALIZER, initializer);
    registry.getBeanDefinition(FLYWAY).setLazyInit(true);
    for (String name : registry.getBeanDefinitionNames()) {
      BeanDefinition definition = registry.getBeanDefinition(name);
      String[] dependsOn = definition.getDependsOn();
      if (dependsOn != null && Arrays.asList(dependsOn).contains(INITIALIZER)) {
        definition.setDependsOn(withoutFlyway(dependsOn));
      }
    }
    beanFactory.clearMetadataCache(); // definitions merged before these changes
  }

  private static String[] withoutFlyway(String[] dependsOn) {
    return dependsOn == null
        ? null
        : Arrays.stream(dependsOn).filter(name -> !FLYWAY.equals(name)).toArray(String[]::new);
  }

  private static boolean definedByBoot(BeanDefinitionRegistry registry, String name) {
    return registry.containsBeanDefinition(name)
        && BOOT_CONFIGURATION.equals(registry.getBeanDefinition(name).getFactoryBeanName());
  }
}
