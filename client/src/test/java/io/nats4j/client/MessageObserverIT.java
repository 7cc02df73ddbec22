package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.MessageObserver.Observation;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@NatsServerTest
class MessageObserverIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final NatsServer server;
  private final Recorder recorder = new Recorder();
  private Connection observed;
  private Connection plain;

  MessageObserverIT(NatsServer server) {
    this.server = server;
  }

  @AfterEach
  void close() {
    if (observed != null) {
      observed.close();
    }
    if (plain != null) {
      plain.close();
    }
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** Records every start and end as a line, e.g. "publish PUBLISH a.b 5" or "end publish null". */
  static final class Recorder implements MessageObserver {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public Observation publishing(ObservedPublish p) {
      p.headers().put("traceparent", "tp-" + p.subject());
      events.add("publish " + p.kind() + " " + p.subject() + " " + p.dataSize());
      return error -> events.add("end publish " + p.subject() + " " + name(error));
    }

    @Override
    public Observation delivering(ObservedDelivery d) {
      Message m = d.messages().get(0);
      events.add(
          "deliver "
              + d.kind()
              + " "
              + d.subscriptionSubject()
              + " "
              + d.queueGroup()
              + " "
              + m.headers().first("traceparent"));
      return error -> events.add("end deliver " + m.subject() + " " + name(error));
    }

    private static String name(Throwable error) {
      return error == null ? "ok" : error.getClass().getSimpleName();
    }
  }

  private void connect(MessageObserver observer) {
    observed =
        Nats.connect(Options.builder().server(server.clientUrl()).observer(observer).build());
    plain = Nats.connect(server.clientUrl());
  }

  @Test
  void publishAddsTheObserversHeadersAndLeavesTheCallersAlone() {
    connect(recorder);
    Subscription sub = plain.subscribe("obs.pub");
    plain.flush(WAIT);
    Headers mine = new Headers().add("own", "1");
    observed.publish("obs.pub", mine, "hello".getBytes());
    observed.publish("obs.pub", "plain".getBytes());
    Message first = sub.next(WAIT);
    Message second = sub.next(WAIT);
    assertEquals("tp-obs.pub", first.headers().first("traceparent"));
    assertEquals("1", first.headers().first("own"));
    assertEquals("tp-obs.pub", second.headers().first("traceparent"));
    assertEquals("plain", second.dataAsString());
    assertNull(mine.first("traceparent"), "the caller's headers were changed");
    assertEquals(
        List.of(
            "publish PUBLISH obs.pub 5",
            "end publish obs.pub ok",
            "publish PUBLISH obs.pub 5",
            "end publish obs.pub ok"),
        recorder.events);
  }

  @Test
  void handlerCallsAreObservedAroundTheHandlerWithTheErrorItThrew() throws Exception {
    connect(recorder);
    CountDownLatch handled = new CountDownLatch(2);
    observed
        .defaultDispatcher()
        .subscribe(
            "obs.deliver",
            "workers",
            m -> {
              recorder.events.add("handler " + m.dataAsString());
              handled.countDown();
              if (m.dataAsString().equals("boom")) {
                throw new IllegalStateException("boom");
              }
            });
    observed.flush(WAIT);
    plain.publish("obs.deliver", new Headers().add("traceparent", "tp-x"), "fine".getBytes());
    plain.publish("obs.deliver", "boom".getBytes());
    assertTrue(handled.await(5, TimeUnit.SECONDS));
    Await.until(() -> recorder.events.size() == 6, WAIT, "six events");
    assertEquals(
        List.of(
            "deliver HANDLER obs.deliver workers tp-x",
            "handler fine",
            "end deliver obs.deliver ok",
            "deliver HANDLER obs.deliver workers null",
            "handler boom",
            "end deliver obs.deliver IllegalStateException"),
        recorder.events);
  }

  @Test
  void requestsAreObservedOnceUntilTheReplyAndRepliesAsPublishes() throws Exception {
    connect(recorder);
    plain
        .defaultDispatcher()
        .subscribe("obs.req", m -> m.respond(m.headers().first("traceparent")));
    plain.flush(WAIT);
    assertEquals("tp-obs.req", observed.request("obs.req", "q".getBytes(), WAIT).dataAsString());
    assertEquals(
        "tp-obs.req",
        observed
            .requestAsync("obs.req", "q".getBytes(), WAIT)
            .get(5, TimeUnit.SECONDS)
            .dataAsString());
    // the async request's observation ends on the events thread, maybe after get() returned
    Await.until(() -> recorder.events.size() == 4, WAIT, "the async request ended");
    assertThrows(
        NoRespondersException.class, () -> observed.request("obs.nobody", "q".getBytes(), WAIT));
    assertEquals(
        List.of(
            "publish REQUEST obs.req 1",
            "end publish obs.req ok",
            "publish REQUEST obs.req 1",
            "end publish obs.req ok",
            "publish REQUEST obs.nobody 1",
            "end publish obs.nobody NoRespondersException"),
        recorder.events);
  }

  @Test
  void anObserverThatThrowsBreaksNothing() throws Exception {
    connect(
        new MessageObserver() {
          @Override
          public Observation publishing(ObservedPublish p) {
            throw new IllegalStateException("observer bug");
          }

          @Override
          public Observation delivering(ObservedDelivery d) {
            return error -> {
              throw new IllegalStateException("observer bug on end");
            };
          }
        });
    CountDownLatch handled = new CountDownLatch(1);
    observed.defaultDispatcher().subscribe("obs.bug", m -> handled.countDown());
    observed.flush(WAIT);
    observed.publish("obs.bug", "x".getBytes());
    assertTrue(handled.await(5, TimeUnit.SECONDS));
    assertEquals(ConnectionStatus.CONNECTED, observed.status());
  }

  @Test
  void observersCombineInOrderAndEndInReverse() {
    List<String> order = new CopyOnWriteArrayList<>();
    MessageObserver a = named("a", order);
    MessageObserver b = named("b", order);
    connect(MessageObserver.all(List.of(a, b)));
    observed.publish("obs.all", "x".getBytes());
    assertEquals(List.of("start a", "start b", "end b", "end a"), order);
    assertInstanceOf(MessageObserver.class, MessageObserver.all(List.of(a)));
  }

  private static MessageObserver named(String name, List<String> order) {
    return new MessageObserver() {
      @Override
      public Observation publishing(ObservedPublish p) {
        order.add("start " + name);
        return error -> order.add("end " + name);
      }
    };
  }
}
