package org.flyte.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

class ExitWhenReadyTest {

  /** A bean that records its own close, as the connection pool or an embedded database would. */
  static final class Resource implements AutoCloseable {
    final CompletableFuture<Void> closed = new CompletableFuture<>();

    @Override
    public void close() {
      closed.complete(null);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class App {}

  @Test
  void stopsTheAppOnceReadyAndExitsWithItsCode() throws Exception {
    CompletableFuture<Integer> code = new CompletableFuture<>();
    Resource resource = new Resource();
    ConfigurableApplicationContext context =
        start(code, resource, "--" + ExitWhenReady.PROPERTY + "=true");

    assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(context.isActive()).as("the context closed before the exit").isFalse();
    assertThat(resource.closed).as("its beans closed").isDone();
  }

  @Test
  void leavesTheAppRunningOtherwise() throws Exception {
    CompletableFuture<Integer> code = new CompletableFuture<>();
    for (String args : new String[] {"--" + ExitWhenReady.PROPERTY + "=false", "--other=1"}) {
      Resource resource = new Resource();
      try (ConfigurableApplicationContext context = start(code, resource, args)) {
        Thread.sleep(300);
        assertThat(code).isNotDone();
        assertThat(context.isActive()).isTrue();
        assertThat(resource.closed).isNotDone();
      }
    }
  }

  /** Starts {@link App} with only the listener under test (never the one that calls exit). */
  private static ConfigurableApplicationContext start(
      CompletableFuture<Integer> code, Resource resource, String... args) {
    SpringApplication application = new SpringApplication(App.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.addInitializers(
        context ->
            ((GenericApplicationContext) context).registerBean(Resource.class, () -> resource));
    application.setListeners(List.of(new ExitWhenReady(code::complete)));
    return application.run(args);
  }
}
