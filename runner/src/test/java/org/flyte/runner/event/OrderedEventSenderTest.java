package org.flyte.runner.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderedEventSenderTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<String> received = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** Answers each event after a few milliseconds; refuses the node named {@code refused}. */
  private EventSink slowSink(String refused) {
    return new EventSink() {
      @Override
      public void workflow(WorkflowExecutionEvent event) {
        answer("wf");
      }

      @Override
      public void node(NodeExecutionEvent event) {
        String id = event.getId().getNodeId();
        answer(id);
        if (id.equals(refused)) {
          throw new EventRejectedException(Status.Code.FAILED_PRECONDITION, "no " + id, null);
        }
        received.add(id);
      }

      @Override
      public void task(TaskExecutionEvent event) {
        answer("task");
      }

      private void answer(String what) {
        try {
          Thread.sleep(3);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  private static NodeExecutionEvent node(String id) {
    return NodeExecutionEvent.newBuilder()
        .setId(NodeExecutionIdentifier.newBuilder().setNodeId(id))
        .build();
  }

  @Test
  void eventsArriveInTheOrderTheyWereHandedOverAndFlushWaitsForThem() throws Exception {
    OrderedEventSender sender = new OrderedEventSender(slowSink(null), threads, e -> {});

    for (int i = 0; i < 20; i++) {
      sender.node(node("n" + i));
    }
    sender.flush();

    assertThat(received).hasSize(20);
    assertThat(received)
        .containsExactly(
            java.util.stream.IntStream.range(0, 20).mapToObj(i -> "n" + i).toArray(String[]::new));
  }

  @Test
  void aRefusedEventDropsTheLaterOnesAndIsThrownByFlush() throws Exception {
    AtomicReference<EventRejectedException> told = new AtomicReference<>();
    OrderedEventSender sender = new OrderedEventSender(slowSink("n2"), threads, told::set);

    for (int i = 0; i < 6; i++) {
      sender.node(node("n" + i));
    }

    assertThatThrownBy(sender::flush)
        .isInstanceOf(EventRejectedException.class)
        .hasMessage("no n2");
    sender.node(node("n9"));
    assertThat(received).containsExactly("n0", "n1");
    assertThat(told.get()).isNotNull().hasMessage("no n2");
  }
}
