package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Publishing headers without a reply, requests from a Message, poll, per-subscription errors. */
@NatsServerTest
class ApiBasicsIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final NatsServer server;

  ApiBasicsIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void publishesHeadersWithoutAReplySubject() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("with.headers");
      nc.flush(WAIT);
      nc.publish("with.headers", new Headers().add("Trace", "t1"), "body".getBytes());
      Message m = sub.next(WAIT);
      assertEquals("t1", m.headers().first("Trace"));
      assertNull(m.replyTo());
      assertEquals("body", m.dataAsString());
    }
  }

  @Test
  void requestsMadeFromAMessageCarryItsHeadersAndData() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      nc.defaultDispatcher()
          .subscribe(
              "echo",
              m ->
                  m.respond(
                      new Headers().add("Seen", m.headers().first("Ask")),
                      (m.dataAsString() + "!").getBytes()));
      nc.flush(WAIT);
      Message ask =
          Message.builder("echo").headers(new Headers().add("Ask", "a1")).data("hi").build();
      Message reply = nc.request(ask, WAIT);
      assertEquals("a1", reply.headers().first("Seen"));
      assertEquals("hi!", reply.dataAsString());
      Message async = nc.requestAsync(ask, WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals("hi!", async.dataAsString());

      Message withReply = Message.builder("echo").replyTo("mine").data("x").build();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> nc.request(withReply, WAIT));
      assertTrue(e.getMessage().contains("reply"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> nc.requestAsync(withReply, WAIT));
      assertThrows(
          NoRespondersException.class,
          () -> nc.request(Message.builder("nobody.here").data("x").build(), WAIT));
    }
  }

  @Test
  void pollReturnsEmptyInsteadOfThrowing() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("polled");
      nc.flush(WAIT);
      assertEquals(Optional.empty(), sub.poll(Duration.ofMillis(50)));
      assertEquals(Optional.empty(), sub.poll(Duration.ZERO));
      nc.publish("polled", "one");
      assertEquals("one", sub.poll(WAIT).orElseThrow().dataAsString());
      sub.unsubscribe();
      long start = System.nanoTime();
      assertEquals(Optional.empty(), sub.poll(Duration.ofSeconds(30)));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "returns at once");
      assertFalse(sub.isActive());
    }
  }

  @Test
  void aSubscriptionErrorListenerGetsOnlyItsOwnErrorsAndTheConnectionStillSeesThem() {
    List<AsyncError> connectionErrors = new CopyOnWriteArrayList<>();
    List<AsyncError> ownErrors = new CopyOnWriteArrayList<>();
    try (Connection nc =
        Nats.connect(
            Options.builder()
                .server(server.clientUrl())
                .errorListener(connectionErrors::add)
                .build())) {
      Subscription watched = nc.subscribe("flood.watched");
      watched.setPendingLimits(2, 0);
      watched.setErrorListener(ownErrors::add);
      Subscription other = nc.subscribe("flood.other");
      other.setPendingLimits(2, 0);
      nc.flush(WAIT);
      for (int i = 0; i < 5; i++) {
        nc.publish("flood.watched", "w");
        nc.publish("flood.other", "o");
      }
      nc.flush(WAIT);
      EventThread.sync(nc, WAIT);
      assertEquals(1, ownErrors.size(), ownErrors.toString());
      assertSame(
          watched,
          assertInstanceOf(AsyncError.SlowConsumer.class, ownErrors.get(0)).subscription());
      assertEquals(2, connectionErrors.size(), connectionErrors.toString());

      watched.setErrorListener(null);
      while (watched.poll(Duration.ZERO).isPresent()) {
        // empty it: a new episode may start
      }
      for (int i = 0; i < 5; i++) {
        nc.publish("flood.watched", "w");
      }
      nc.flush(WAIT);
      EventThread.sync(nc, WAIT);
      assertEquals(1, ownErrors.size(), "removed listener gets nothing: " + ownErrors);
      assertEquals(3, connectionErrors.size(), connectionErrors.toString());
    }
  }

  @Test
  void aDeniedSubscriptionTellsItsOwnListener() {
    // a user who may not subscribe to "secret"
    try (NatsServer guarded =
        NatsServer.start(
            io.nats4j.testkit.ServerConfig.builder()
                .user("u", "p", io.nats4j.testkit.Permissions.subscribeDeny("secret"))
                .build())) {
      List<AsyncError> own = new CopyOnWriteArrayList<>();
      try (Connection nc = Nats.connect("nats://u:p@127.0.0.1:" + guarded.port())) {
        // the server's -ERR must not come before the listener is set (seen in a loaded run): the
        // SUB waits in the socket while the server is paused
        guarded.pause();
        Subscription sub;
        try {
          sub = nc.subscribe("secret");
          sub.setErrorListener(own::add);
        } finally {
          guarded.resume();
        }
        nc.flush(WAIT);
        EventThread.sync(nc, WAIT);
        assertEquals(1, own.size(), own.toString());
        assertInstanceOf(AsyncError.PermissionDenied.class, own.get(0));
        assertFalse(sub.isActive());
        assertEquals(Optional.empty(), sub.poll(Duration.ofSeconds(5)));
      }
    }
  }
}
