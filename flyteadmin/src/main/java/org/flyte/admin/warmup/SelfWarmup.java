package org.flyte.admin.warmup;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.flyte.admin.api.LaunchPlanGrpcService;
import org.flyte.admin.api.ProjectGrpcService;
import org.flyte.admin.api.TaskGrpcService;
import org.flyte.admin.api.WorkflowGrpcService;
import org.flyte.admin.config.AdminStorageProperties;
import org.flyte.admin.config.DomainsProperties;
import org.flyte.common.storage.BlobStore;
import org.flyte.common.storage.DataReference;
import org.flyte.common.storage.ProtoStore;
import org.flyte.common.storage.StorageKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs {@link WarmupCycle}s for {@link WarmupProperties#duration()}, then, on a daemon thread,
 * deletes the blobs the rolled-back workflow registrations wrote (their closures, under the
 * throwaway project). It runs as the last step of the start, on the main thread, with every
 * listener open but before the app reports ready: Spring Boot publishes readiness after the
 * application runners, so {@code /healthcheck} and the gRPC health service answer not ready until
 * it is done, and no request waits behind it. Only in a serving app ({@code serve}), never in
 * one-shot commands; off unless {@code flyteadmin.warmup.enabled: true} (it delays ready). A
 * failure ends it with a warning: the app starts either way.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "flyte.flyteadmin.warmup.enabled")
@EnableConfigurationProperties(WarmupProperties.class)
public class SelfWarmup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SelfWarmup.class);
  private static final int VERSIONS_PER_CYCLE = 2;

  /**
   * What one self-warm did.
   *
   * @param project the throwaway project it registered (never committed)
   * @param cycles the cycles completed
   * @param calls the service calls made
   * @param took how long it ran
   * @param blobsDeleted the closures it wrote and deleted
   * @param failure why it stopped early, if it did
   */
  public record Outcome(
      String project,
      int cycles,
      int calls,
      Duration took,
      int blobsDeleted,
      Optional<String> failure) {}

  private final WarmupProperties properties;
  private final WarmupCycle cycle;
  private final String domain;
  private final BlobStore blobs;
  private final DataReference closures;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Outcome outcome;

  public SelfWarmup(
      WarmupProperties properties,
      ProjectGrpcService projects,
      TaskGrpcService tasks,
      WorkflowGrpcService workflows,
      LaunchPlanGrpcService launchPlans,
      PlatformTransactionManager transactionManager,
      DomainsProperties domains,
      ProtoStore store,
      AdminStorageProperties storage) {
    this.properties = properties;
    this.cycle =
        new WarmupCycle(
            projects, tasks, workflows, launchPlans, new TransactionTemplate(transactionManager));
    this.domain = domains.domains().get(0).id();
    this.blobs = store.blobs();
    this.closures =
        blobs.baseContainer().resolve(storage.metadataStoragePrefix().toArray(String[]::new));
  }

  @Override
  public void run(ApplicationArguments args) {
    warm();
  }

  /** What the self-warm did, once it has ended (waiting at most {@code timeout}). */
  public Optional<Outcome> await(Duration timeout) throws InterruptedException {
    done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return Optional.ofNullable(outcome);
  }

  private void warm() {
    String project =
        "flyte-warmup-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    long start = System.nanoTime();
    long deadline = start + properties.duration().toNanos();
    int cycles = 0;
    int calls = 0;
    String failure = null;
    try {
      while (System.nanoTime() < deadline) {
        calls += cycle.run(project, domain, cycles, VERSIONS_PER_CYCLE);
        cycles++;
      }
    } catch (RuntimeException e) {
      failure = e.toString();
      LOG.warn("self-warm stopped after {} cycles", cycles, e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    int made = cycles;
    int madeCalls = calls;
    Optional<String> failed = Optional.ofNullable(failure);
    // The closures go on a daemon thread: on an object store, a delete per closure would hold the
    // app's readiness for as long again as the warm-up itself.
    Thread cleanup =
        new Thread(
            () -> {
              int deleted = deleteClosures(project);
              outcome = new Outcome(project, made, madeCalls, took, deleted, failed);
              LOG.info(
                  "self-warm: {} cycles, {} calls in {} ms (nothing committed, {} closures"
                      + " deleted)",
                  made,
                  madeCalls,
                  took.toMillis(),
                  deleted);
              done.countDown();
            },
            "self-warm-cleanup");
    cleanup.setDaemon(true);
    cleanup.start();
  }

  private int deleteClosures(String project) {
    int deleted = 0;
    try {
      for (DataReference blob : blobs.list(StorageKeys.under(closures, project))) {
        blobs.delete(blob);
        deleted++;
      }
    } catch (RuntimeException e) {
      LOG.warn("self-warm: cannot delete the closures under {}", project, e);
    }
    return deleted;
  }
}
