package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A subscription drained or unsubscribed while the connection is down must not come back with the
 * reconnect: the new server would keep its interest (for a queue group, a share of the traffic) and
 * nobody would read it.
 */
class DrainWhileDisconnectedIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int MESSAGES = 60;
  private static final Pattern NUM_SUBS = Pattern.compile("\"subscriptions\"\\s*:\\s*(\\d+)");

  private static NatsServer server;
  private RecordingListener leavingEvents;
  private RecordingListener stayingEvents;
  private Connection leaving;
  private Connection staying;

  @BeforeAll
  static void startServer() {
    server = NatsServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
    LibraryThreads.assertNoneLeaked();
  }

  @BeforeEach
  void serverRunning() {
    if (!server.isRunning()) {
      server.restart(); // an earlier test failed while it was down
    }
  }

  @AfterEach
  void closeConnections() {
    if (leaving != null) {
      leaving.close();
    }
    if (staying != null) {
      staying.close();
    }
  }

  private Connection connect(String name, RecordingListener events) {
    return Nats.connect(
        Options.builder()
            .server(server.clientUrl())
            .name(name)
            .connectionListener(events)
            .reconnect(
                ReconnectOptions.builder()
                    .maxAttempts(-1)
                    .waitTime(Duration.ofMillis(100))
                    .jitter(Duration.ofMillis(20), Duration.ofMillis(20))
                    .build())
            .build());
  }

  /** Two connections, a queue member on the one that stays; the server goes down. */
  private Subscription setUpAndKillServer() {
    leavingEvents = new RecordingListener();
    stayingEvents = new RecordingListener();
    leaving = connect("leaving", leavingEvents);
    staying = connect("staying", stayingEvents);
    Subscription member = staying.subscribe("work", "workers");
    member.setPendingLimits(0, 0);
    return member;
  }

  private void killServer() {
    server.kill();
    leavingEvents.await(ConnectionEvent.Disconnected.class, 1, WAIT);
    stayingEvents.await(ConnectionEvent.Disconnected.class, 1, WAIT);
  }

  private void restartAndAwaitBoth() {
    server.restart();
    leavingEvents.await(ConnectionEvent.Resubscribed.class, 1, WAIT);
    stayingEvents.await(ConnectionEvent.Resubscribed.class, 1, WAIT);
    leaving.flush(WAIT);
    staying.flush(WAIT);
  }

  /** Every message of the queue group reaches the member that is left, none goes astray. */
  private void assertTheRemainingMemberGetsEverything(Subscription member) {
    for (int i = 0; i < MESSAGES; i++) {
      staying.publish("work", Integer.toString(i).getBytes());
    }
    staying.flush(WAIT);
    for (int i = 0; i < MESSAGES; i++) {
      int n = i;
      Message m = member.next(WAIT);
      assertEquals(Integer.toString(n), new String(m.data()), "message " + n);
    }
    assertEquals(
        0, serverSubscriptionsOf("leaving"), "the leaving connection has no interest left");
  }

  private static int serverSubscriptionsOf(String name) {
    String connz = server.monitor("/connz?subs=1");
    int at = connz.indexOf("\"name\": \"" + name + "\"");
    if (at < 0) {
      at = connz.indexOf("\"name\":\"" + name + "\"");
    }
    assertTrue(at >= 0, "connection " + name + " in /connz: " + connz);
    int start = connz.lastIndexOf('{', at);
    Matcher m = NUM_SUBS.matcher(connz);
    assertTrue(m.find(start), "subscriptions in /connz: " + connz);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void aQueueSubscriptionDrainedWhileDisconnectedIsNotResubscribed() throws Exception {
    Subscription member = setUpAndKillServer();
    Subscription gone = leaving.subscribe("work", "workers");
    leaving.flush(WAIT);
    killServer();

    // nothing more can arrive for it: the drain completes without waiting for a server
    gone.drain(WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertFalse(gone.isActive());

    restartAndAwaitBoth();
    assertTheRemainingMemberGetsEverything(member);
  }

  @Test
  void aDispatcherDrainedWhileDisconnectedLeavesNoInterest() throws Exception {
    Subscription member = setUpAndKillServer();
    AtomicInteger handled = new AtomicInteger();
    Dispatcher dispatcher = leaving.createDispatcher("leaving");
    dispatcher.subscribe("work", "workers", m -> handled.incrementAndGet());
    leaving.flush(WAIT);
    killServer();

    dispatcher.drain(WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    restartAndAwaitBoth();
    assertTheRemainingMemberGetsEverything(member);
    assertEquals(0, handled.get());
  }

  @Test
  void aQueueSubscriptionUnsubscribedWhileDisconnectedIsNotResubscribed() {
    Subscription member = setUpAndKillServer();
    Subscription gone = leaving.subscribe("work", "workers");
    leaving.flush(WAIT);
    killServer();

    gone.unsubscribe();

    restartAndAwaitBoth();
    assertTheRemainingMemberGetsEverything(member);
  }
}
