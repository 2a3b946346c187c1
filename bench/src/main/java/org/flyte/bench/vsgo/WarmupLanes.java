package org.flyte.bench.vsgo;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceFutureStub;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.flyte.admin.warmup.WarmupEntities;

/**
 * The registration and list mix of {@link WarmupLoad}: {@code lanes} independent lanes, each
 * running one call at a time through the cycle CreateTask, CreateWorkflow (of that task),
 * CreateLaunchPlan (of that workflow), ListTasks, ListWorkflows (a page of the 25 latest versions
 * of a name, gRPC) and the same workflow page over REST in JSON, every registered entity a fresh
 * version. The lists read names that always have exactly 25 versions ({@code LISTED_*}, registered
 * by the first start against a database, within its measured time), so that a page costs the same
 * at 1 s as at 60 s however many versions the registrations have added. Completions are counted per
 * call and per 1-s bucket from the moment the target was ready.
 */
final class WarmupLanes {

  static final String PROJECT = "bench";
  static final String DOMAIN = "development";
  static final String TASK = "bench.warm_task";
  static final String WORKFLOW = "bench.warm_wf";
  static final String LAUNCH_PLAN = "bench.warm_lp";
  static final String LISTED_TASK = "bench.warm_listed_task";
  static final String LISTED_WORKFLOW = "bench.warm_listed_wf";
  static final int PAGE = 25;

  /** The calls of one cycle, in order. */
  static final List<String> CALLS =
      List.of(
          "CreateTask",
          "CreateWorkflow",
          "CreateLaunchPlan",
          "ListTasks",
          "ListWorkflows",
          "REST JSON ListWorkflows");

  /** Counts of one start: {@code done[call]} and {@code errors} per 1-s bucket. */
  record Buckets(AtomicLongArray[] done, AtomicLongArray errors) {

    static Buckets of(int seconds) {
      AtomicLongArray[] done = new AtomicLongArray[CALLS.size()];
      for (int i = 0; i < done.length; i++) {
        done[i] = new AtomicLongArray(seconds);
      }
      return new Buckets(done, new AtomicLongArray(seconds));
    }

    /** All calls completed in bucket {@code s}. */
    long total(int s) {
      long sum = 0;
      for (AtomicLongArray d : done) {
        sum += d.get(s);
      }
      return sum;
    }

    int seconds() {
      return errors.length();
    }
  }

  private final AdminServiceFutureStub admin;
  private final HttpClient http;
  private final String base;
  private final String tag;
  private final Buckets buckets;
  private final long start;
  private final long end;

  private WarmupLanes(
      ManagedChannel channel, HttpClient http, String base, String tag, Buckets buckets, long t0) {
    this.admin = AdminServiceGrpc.newFutureStub(channel);
    this.http = http;
    this.base = base;
    this.tag = tag;
    this.buckets = buckets;
    this.start = t0;
    this.end = t0 + TimeUnit.SECONDS.toNanos(buckets.seconds());
  }

  /**
   * Drives {@code lanes} lanes from {@code t0} (the moment of ready, {@link System#nanoTime()}) for
   * {@code seconds}; version ids start with {@code tag}, unique per start.
   */
  static Buckets drive(
      ManagedChannel channel,
      HttpClient http,
      String base,
      String tag,
      int lanes,
      int seconds,
      long t0)
      throws InterruptedException {
    WarmupLanes load = new WarmupLanes(channel, http, base, tag, Buckets.of(seconds), t0);
    load.registerProject();
    load.seedListedNames();
    CountDownLatch finished = new CountDownLatch(lanes);
    for (int lane = 0; lane < lanes; lane++) {
      load.next(lane, 0, finished);
    }
    if (!finished.await(seconds + 60L, TimeUnit.SECONDS)) {
      throw new IllegalStateException("lanes did not finish");
    }
    return load.buckets;
  }

  private void registerProject() {
    try {
      admin
          .registerProject(
              ProjectRegisterRequest.newBuilder()
                  .setProject(Project.newBuilder().setId(PROJECT).setName(PROJECT))
                  .build())
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (!(e.getCause() instanceof StatusRuntimeException s)
          || s.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw new IllegalStateException("project registration failed", e);
      }
    }
  }

  /** Registers {@code PAGE} versions of the listed names unless a page of them exists. */
  private void seedListedNames() {
    try {
      if (admin.listWorkflows(page(LISTED_WORKFLOW)).get(30, TimeUnit.SECONDS).getWorkflowsCount()
          == PAGE) {
        return;
      }
      for (int v = 0; v < PAGE; v++) {
        Identifier task = id(ResourceType.TASK, LISTED_TASK, "v" + v);
        Identifier workflow = id(ResourceType.WORKFLOW, LISTED_WORKFLOW, "v" + v);
        ignoreAlreadyExists(
            admin.createTask(
                TaskCreateRequest.newBuilder()
                    .setId(task)
                    .setSpec(WarmupEntities.task(task))
                    .build()));
        ignoreAlreadyExists(
            admin.createWorkflow(
                WorkflowCreateRequest.newBuilder()
                    .setId(workflow)
                    .setSpec(WarmupEntities.workflow(workflow, task))
                    .build()));
      }
    } catch (Exception e) {
      throw new IllegalStateException("seeding the listed names failed", e);
    }
  }

  private static void ignoreAlreadyExists(ListenableFuture<?> call) throws Exception {
    try {
      call.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof StatusRuntimeException s)
          || s.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  /**
   * Issues step {@code step} of lane {@code lane}; on completion, counts it and issues the next.
   */
  private void next(int lane, long step, CountDownLatch finished) {
    if (System.nanoTime() >= end) {
      finished.countDown();
      return;
    }
    int call = (int) (step % CALLS.size());
    String version = tag + "-" + lane + "-" + step / CALLS.size();
    ListenableFuture<?> future = call(call, version).get();
    Futures.addCallback(
        future,
        new FutureCallback<Object>() {
          @Override
          public void onSuccess(Object result) {
            count(buckets.done()[call]);
            next(lane, step + 1, finished);
          }

          @Override
          public void onFailure(Throwable t) {
            count(buckets.errors());
            next(lane, step + 1, finished);
          }
        },
        MoreExecutors.directExecutor());
  }

  private void count(AtomicLongArray counts) {
    int bucket = (int) ((System.nanoTime() - start) / 1_000_000_000L);
    if (bucket >= 0 && bucket < counts.length()) {
      counts.incrementAndGet(bucket);
    }
  }

  private Supplier<ListenableFuture<?>> call(int call, String version) {
    Identifier task = id(ResourceType.TASK, TASK, version);
    Identifier workflow = id(ResourceType.WORKFLOW, WORKFLOW, version);
    return switch (call) {
      case 0 ->
          () ->
              admin.createTask(
                  TaskCreateRequest.newBuilder()
                      .setId(task)
                      .setSpec(WarmupEntities.task(task))
                      .build());
      case 1 ->
          () ->
              admin.createWorkflow(
                  WorkflowCreateRequest.newBuilder()
                      .setId(workflow)
                      .setSpec(WarmupEntities.workflow(workflow, task))
                      .build());
      case 2 -> () -> admin.createLaunchPlan(launchPlan(workflow, version));
      case 3 -> () -> admin.listTasks(page(LISTED_TASK));
      case 4 -> () -> admin.listWorkflows(page(LISTED_WORKFLOW));
      default -> this::restWorkflows;
    };
  }

  private static ResourceListRequest page(String name) {
    return ResourceListRequest.newBuilder()
        .setId(
            NamedEntityIdentifier.newBuilder().setProject(PROJECT).setDomain(DOMAIN).setName(name))
        .setLimit(PAGE)
        .setSortBy(Sort.newBuilder().setKey("created_at").setDirection(Sort.Direction.DESCENDING))
        .build();
  }

  private ListenableFuture<?> restWorkflows() {
    URI uri =
        URI.create(
            base
                + "/api/v1/workflows/"
                + PROJECT
                + "/"
                + DOMAIN
                + "/"
                + LISTED_WORKFLOW
                + "?limit="
                + PAGE
                + "&sort_by.key=created_at&sort_by.direction=DESCENDING");
    return FloorLoad.get(http, uri, "application/json");
  }

  private static LaunchPlanCreateRequest launchPlan(Identifier workflow, String version) {
    return LaunchPlanCreateRequest.newBuilder()
        .setId(id(ResourceType.LAUNCH_PLAN, LAUNCH_PLAN, version))
        .setSpec(
            LaunchPlanSpec.newBuilder()
                .setWorkflowId(workflow)
                .setDefaultInputs(WarmupEntities.defaultInputs()))
        .build();
  }

  private static Identifier id(ResourceType type, String name, String version) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject(PROJECT)
        .setDomain(DOMAIN)
        .setName(name)
        .setVersion(version)
        .build();
  }
}
