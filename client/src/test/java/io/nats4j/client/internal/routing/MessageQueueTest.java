package io.nats4j.client.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Headers;
import io.nats4j.client.internal.protocol.Msg;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import io.nats4j.client.internal.threads.ThreadSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageQueueTest {

  /** Records what routing asks of the connection. */
  static final class RecordingHost implements RoutingHost {
    final List<String> ops = new ArrayList<>();
    final List<NatsSubscription> slow = new ArrayList<>();

    @Override
    public void sendSubscribe(long sid, String subject, String queue) {
      ops.add("SUB " + subject + (queue == null ? "" : " " + queue) + " " + sid);
    }

    @Override
    public boolean sendUnsubscribe(long sid, long max) {
      ops.add("UNSUB " + sid + (max > 0 ? " " + max : ""));
      return true;
    }

    @Override
    public void malformedMessage(
        NatsSubscription subscription, String subject, io.nats4j.client.ProtocolException error) {
      ops.add("MALFORMED " + subject);
    }

    @Override
    public CompletableFuture<Void> ping() {
      ops.add("PING");
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void publish(String subject, String replyTo, Headers headers, byte[] data) {
      ops.add("PUB " + subject);
    }

    @Override
    public void slowConsumer(NatsSubscription subscription) {
      slow.add(subscription);
    }

    @Override
    public void runOnEventThread(Runnable task) {
      task.run();
    }

    @Override
    public ConnectionScheduler scheduler() {
      return SCHEDULER;
    }
  }

  static final ConnectionScheduler SCHEDULER =
      new ConnectionScheduler(ThreadSource.platform(), "test-scheduler");

  private final RecordingHost host = new RecordingHost();
  private final SubscriptionTable table = new SubscriptionTable();
  private final Router router = new Router(table, host, new RequestMux("_INBOX"), 3, 0);

  private static Msg msg(long sid, int size) {
    return new Msg("s", sid, null, null, new byte[size]);
  }

  @Test
  void syncSubscriptionQueuesInOrderAndCountsPending() throws Exception {
    NatsSubscription sub = router.subscribe("s", null, null, null);
    assertEquals(List.of("SUB s 1"), host.ops);
    router.route(msg(1, 1));
    router.route(msg(1, 2));
    router.flush();
    assertEquals(2, sub.pendingMessages());
    assertEquals(3, sub.pendingBytes());
    assertEquals(1, sub.pendingQueue().poll(0).data().length);
    assertEquals(2, sub.pendingQueue().poll(0).data().length);
    assertNull(sub.pendingQueue().poll(0));
    assertEquals(0, sub.pendingMessages());
  }

  @Test
  void aTaskDrivenQueueCallsItsHookOncePerIdleToBusyTurnAndOnClose() throws Exception {
    NatsSubscription sub = router.subscribe("s", null, null, null);
    MessageQueue queue = sub.pendingQueue();
    java.util.concurrent.atomic.AtomicInteger hooks =
        new java.util.concurrent.atomic.AtomicInteger();
    queue.driveTask(hooks::incrementAndGet);
    router.route(msg(1, 1));
    router.route(msg(1, 1));
    router.flush();
    router.route(msg(1, 1));
    router.flush();
    assertEquals(1, hooks.get(), "one task for messages arriving while one is due");
    List<IncomingMessage> batch = new java.util.ArrayList<>();
    assertTrue(queue.takeBatch(batch, 2));
    assertEquals(2, batch.size());
    assertEquals(3, sub.pendingMessages(), "a taken batch counts until the next take");
    assertTrue(queue.takeBatch(batch, 2));
    assertEquals(1, batch.size());
    assertEquals(1, sub.pendingMessages());
    assertTrue(queue.takeBatch(batch, 2));
    assertTrue(batch.isEmpty(), "empty: the hook is armed again");
    assertEquals(0, sub.pendingMessages());
    router.route(msg(1, 1));
    router.flush();
    assertEquals(2, hooks.get());
    assertTrue(queue.takeBatch(batch, 2));
    assertTrue(queue.takeBatch(batch, 2)); // empty, armed
    queue.close();
    assertEquals(3, hooks.get(), "closing wakes the task so it can end");
    assertTrue(!queue.takeBatch(batch, 2), "closed and empty: done");
  }

  @Test
  void anIdleDispatcherThreadRetiresOnlyFromAnEmptyOpenQueueAndTheNextMessageRestartsIt()
      throws Exception {
    NatsSubscription sub = router.subscribe("s", null, null, null);
    MessageQueue queue = sub.pendingQueue();
    java.util.concurrent.atomic.AtomicInteger starts =
        new java.util.concurrent.atomic.AtomicInteger();
    router.route(msg(1, 1));
    router.flush();
    assertTrue(!queue.retire(starts::incrementAndGet), "a message waits: the thread stays");
    List<IncomingMessage> batch = new java.util.ArrayList<>();
    queue.nextBatch(batch, 10, 0);
    assertEquals(1, batch.size());
    queue.nextBatch(batch, 10, 0);
    assertTrue(batch.isEmpty());
    assertTrue(queue.retire(starts::incrementAndGet), "empty and open: the thread may end");
    assertEquals(0, starts.get());
    router.route(msg(1, 1));
    router.route(msg(1, 1));
    router.flush();
    router.route(msg(1, 1));
    router.flush();
    assertEquals(1, starts.get(), "one new thread for the next messages");
    queue.nextBatch(batch, 10, 0);
    assertEquals(3, batch.size(), "the new thread finds them all, in order");
    queue.nextBatch(batch, 10, 0);
    assertTrue(queue.retire(starts::incrementAndGet));
    queue.close();
    assertEquals(2, starts.get(), "closing starts one so the dispatcher can end");
    assertTrue(!queue.retire(starts::incrementAndGet), "closed: no retiring");
  }

  @Test
  void overTheLimitDropsAndReportsOncePerEpisode() throws Exception {
    NatsSubscription sub = router.subscribe("s", null, null, null);
    for (int i = 0; i < 10; i++) {
      router.route(msg(1, 1));
    }
    router.flush();
    assertEquals(3, sub.pendingMessages());
    assertEquals(7, sub.droppedMessages());
    assertEquals(List.of(sub), host.slow);
    sub.pendingQueue().poll(0);
    router.route(msg(1, 1)); // fits in the freed slot
    router.route(msg(1, 1)); // over again: still the same episode
    router.flush();
    assertEquals(1, host.slow.size());
    assertEquals(8, sub.droppedMessages());
    sub.pendingQueue().poll(0);
    sub.pendingQueue().poll(0); // one left, half the limit: the episode ends
    for (int i = 0; i < 3; i++) {
      router.route(msg(1, 1)); // two fit, the third starts a new episode
    }
    router.flush();
    assertEquals(2, host.slow.size());
    assertEquals(9, sub.droppedMessages());
    router.publishCounters();
    assertEquals(9, router.counters()[2]);
  }

  @Test
  void autoUnsubscribeStopsRoutingAfterMax() throws Exception {
    NatsSubscription sub = router.subscribe("s", null, null, null);
    sub.unsubscribe(2);
    assertTrue(host.ops.contains("UNSUB 1 2"));
    router.route(msg(1, 1));
    router.route(msg(1, 1));
    router.route(msg(1, 1));
    router.flush();
    assertEquals(2, sub.pendingMessages());
    assertNull(table.get(1));
    assertTrue(sub.isActive());
    sub.pendingQueue().poll(0);
    sub.pendingQueue().poll(0);
    assertTrue(!sub.isActive());
  }

  @Test
  void pollWakesWhenAMessageArrives() throws Exception {
    NatsSubscription sub = router.subscribe("s", null, null, null);
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<IncomingMessage> got =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              try {
                return sub.pendingQueue().poll(TimeUnit.SECONDS.toNanos(10));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    waiting.await();
    router.route(msg(1, 5));
    router.flush();
    assertEquals(5, got.get(10, TimeUnit.SECONDS).data().length);
  }

  @Test
  void dispatcherBatchReleasesPendingOnlyAfterHandling() throws Exception {
    MessageQueue queue = new MessageQueue();
    NatsSubscription sub =
        new NatsSubscription(7, "s", null, queue, m -> {}, null, table, host, 0, 0);
    table.add(sub);
    for (int i = 0; i < 5; i++) {
      router.route(msg(7, 1));
    }
    router.flush();
    List<IncomingMessage> batch = new ArrayList<>();
    queue.nextBatch(batch, 3, 0);
    assertEquals(3, batch.size());
    assertEquals(5, sub.pendingMessages());
    queue.nextBatch(batch, 3, 0);
    assertEquals(2, batch.size());
    assertEquals(2, sub.pendingMessages());
    queue.nextBatch(batch, 3, 0);
    assertTrue(batch.isEmpty());
    assertEquals(0, sub.pendingMessages());
    assertSame(sub, table.get(7));
  }

  @Test
  void unsubscribeDiscardsQueuedMessages() {
    NatsSubscription sub = router.subscribe("s", null, null, null);
    router.route(msg(1, 1));
    router.flush();
    sub.unsubscribe();
    assertEquals(0, sub.pendingMessages());
    assertTrue(host.ops.contains("UNSUB 1"));
    assertTrue(!sub.isActive());
  }

  @Test
  void resubscribeWritesActiveSubscriptionsWithRemainingCounts() {
    NatsSubscription a = router.subscribe("a", null, null, null);
    NatsSubscription b = router.subscribe("b", "q", null, null);
    NatsSubscription gone = router.subscribe("c", null, null, null);
    b.unsubscribe(5);
    router.route(msg(2, 1));
    router.route(msg(2, 1));
    router.flush();
    gone.unsubscribe();
    io.nats4j.client.internal.protocol.GrowableBuffer out =
        new io.nats4j.client.internal.protocol.GrowableBuffer(256);
    assertEquals(2, router.resubscribe(out));
    assertEquals(
        "SUB a 1\r\nSUB b q 2\r\nUNSUB 2 3\r\n",
        new String(out.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(a.isActive());
  }
}
