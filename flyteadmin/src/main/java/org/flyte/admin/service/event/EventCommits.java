package org.flyte.admin.service.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.flyte.admin.config.EventProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of node and task event writes (docs/adr/0038-event-group-commit.md). Each write is
 * one self-contained statement that names the row version it was computed from ({@code
 * NodeEventRepository}, {@code TaskEventRepository}); writes that are ready at the same time are
 * run one after the other in one transaction with one commit, by whichever of their threads gets
 * there first (the leader), instead of one commit each. Every caller gets its own write's result,
 * and only after the commit that made it durable.
 *
 * <p>A write that matches nothing (its row changed meanwhile) is a result like any other, not a
 * failure: the others of its group still commit. A write that fails (a database error) aborts the
 * group's transaction; every write of the group is then run again on its own, so that only the
 * failing one fails. Writes of one row in one group apply in order, the later ones matching nothing
 * and being computed again by their callers, as when they race each other alone.
 *
 * <p>A caller already inside a transaction, and every caller when {@code flyte.events.group-commit}
 * is false, writes directly.
 */
@Component
public class EventCommits {

  /** The most writes one transaction carries. */
  static final int MAX_GROUP = 32;

  /** How long a waiting caller sleeps before it looks again (a lost wake-up costs no more). */
  private static final long RECHECK_NANOS = 2_000_000L;

  private final TransactionTemplate transactions;
  private final boolean enabled;
  private final ReentrantLock leader = new ReentrantLock();
  private final ConcurrentLinkedQueue<Pending> ready = new ConcurrentLinkedQueue<>();

  public EventCommits(PlatformTransactionManager transactionManager, EventProperties properties) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.enabled = properties.groupCommit();
  }

  /**
   * Runs {@code write} (one statement, which must not itself commit or roll back) and returns its
   * result once it is committed; rethrows its failure.
   */
  public boolean write(BooleanSupplier write) {
    if (!enabled || TransactionSynchronizationManager.isActualTransactionActive()) {
      return write.getAsBoolean();
    }
    Pending mine = new Pending(write, Thread.currentThread());
    ready.add(mine);
    while (!mine.done) {
      if (leader.tryLock()) {
        try {
          if (!mine.done) {
            commitGroup();
          }
        } finally {
          leader.unlock();
        }
        Pending next = ready.peek();
        if (next != null) {
          LockSupport.unpark(next.thread);
        }
      } else {
        LockSupport.parkNanos(this, RECHECK_NANOS);
      }
    }
    return mine.result();
  }

  /** Writes waiting now (for tests). */
  int waiting() {
    return ready.size();
  }

  /** Takes up to {@link #MAX_GROUP} ready writes and commits them together. */
  private void commitGroup() {
    List<Pending> group = new ArrayList<>();
    Pending next;
    while (group.size() < MAX_GROUP && (next = ready.poll()) != null) {
      group.add(next);
    }
    if (group.isEmpty()) {
      return;
    }
    if (group.size() == 1) {
      group.get(0).runAlone();
      return;
    }
    boolean[] results = new boolean[group.size()];
    try {
      transactions.executeWithoutResult(
          status -> {
            for (int i = 0; i < group.size(); i++) {
              results[i] = group.get(i).write.getAsBoolean();
            }
          });
    } catch (RuntimeException | Error e) {
      // Rolled back: nothing of the group was written. Each write again on its own.
      group.forEach(Pending::runAlone);
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).finish(results[i], null);
    }
  }

  /** A write waiting for its commit. */
  private static final class Pending {
    final BooleanSupplier write;
    final Thread thread;
    volatile boolean done;
    private boolean result;
    private @Nullable Throwable failure;

    Pending(BooleanSupplier write, Thread thread) {
      this.write = write;
      this.thread = thread;
    }

    /** Runs the write in its own (self-committing) statement. */
    void runAlone() {
      try {
        finish(write.getAsBoolean(), null);
      } catch (RuntimeException | Error e) {
        finish(false, e);
      }
    }

    void finish(boolean written, @Nullable Throwable error) {
      result = written;
      failure = error;
      done = true;
      LockSupport.unpark(thread);
    }

    boolean result() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }
}
