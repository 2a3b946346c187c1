package org.flyte.common.lifecycle;

import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Stops the app as soon as it is ready when {@code flyte.startup.exit-when-ready} is true: the
 * images' class-archive training start (docs/adr/0045-class-archive-of-a-whole-start.md), which
 * must load the classes of a whole start (the listeners started, the application runners run) and
 * then end by itself, with exit code 0, so that the JVM writes its archive.
 *
 * <p>The stop is the app's ordinary one (Spring's {@code SpringApplication.exit}: listeners
 * drained, beans closed, an embedded PostgreSQL stopped), on its own thread once every other
 * listener of the ready event has run; the process then exits with the code the stop reports.
 * Registered in {@code META-INF/spring.factories}, so that it costs the other starts no
 * configuration class.
 */
public final class ExitWhenReady implements ApplicationListener<ApplicationReadyEvent>, Ordered {

  /** The setting: {@code true} to stop once ready. */
  public static final String PROPERTY = "flyte.startup.exit-when-ready";

  private static final Logger LOG = LoggerFactory.getLogger(ExitWhenReady.class);

  private final IntConsumer exit;

  /** The listener Spring Boot creates: the process ends with {@link System#exit}. */
  public ExitWhenReady() {
    this(System::exit);
  }

  ExitWhenReady(IntConsumer exit) {
    this.exit = exit;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    ConfigurableApplicationContext context = event.getApplicationContext();
    if (!context.getEnvironment().getProperty(PROPERTY, Boolean.class, false)) {
      return;
    }
    LOG.info("Ready; stopping because {} is true", PROPERTY);
    Thread stop = new Thread(() -> exit.accept(SpringApplication.exit(context)), "exit-when-ready");
    stop.start();
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
