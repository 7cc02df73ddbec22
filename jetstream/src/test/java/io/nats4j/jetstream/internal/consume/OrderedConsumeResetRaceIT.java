package io.nats4j.jetstream.internal.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.ConsumeErrorListener;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Defect 8 of issue 16: an ordered consume must not hand a message twice when a reset (here: the
 * reconnect) ends its generation while that message is being accepted. The window between "this
 * generation is still current" and "this position is recorded" is a few instructions wide and has
 * no user code in it, so the test holds the dispatcher there through the consumer's one test seam
 * ({@link OrderedConsumerImpl#beforeRecorded}); the reset, the replacement consumer and the
 * deliveries are the real server's.
 */
@NatsServerTest
@io.nats4j.testkit.JetStream
class OrderedConsumeResetRaceIT {
  private static final int COUNT = 100;
  private static final long HELD = 40;
  // how long the test lets a reset run while the delivery is held: a correct consume cannot create
  // the replacement in that time (it waits for the acceptance); the old code did at once
  private static final Duration RESET_WINDOW = Duration.ofSeconds(3);

  private final NatsServer server;

  OrderedConsumeResetRaceIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noThreadLeft() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void aResetWhileADeliveryIsAcceptedNeitherLosesNorRepeatsIt() throws Exception {
    String stream = "RACE";
    try (Connection nc = Nats.connect(server.clientUrl());
        JetStream js = JetStream.of(nc)) {
      js.streams().create(StreamConfig.builder(stream).subjects("race").build());
      for (int i = 1; i <= COUNT; i++) {
        js.publish("race", Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
      }
      OrderedConsumerImpl oc =
          (OrderedConsumerImpl) js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
      CountDownLatch held = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      oc.beforeRecorded(
          seq -> {
            if (seq == HELD && held.getCount() > 0) {
              held.countDown();
              await(release);
            }
          });
      List<Long> seen = new CopyOnWriteArrayList<>();
      List<String> resets = new CopyOnWriteArrayList<>();
      ConsumeOptions options =
          ConsumeOptions.builder()
              .batchSize(10)
              // heartbeats far beyond the test: only the reconnect resets the consume
              .expiresIn(Duration.ofSeconds(120))
              .idleHeartbeat(Duration.ofSeconds(60))
              .errorListener(
                  new ConsumeErrorListener() {
                    @Override
                    public void orderedReset(String reason, long next) {
                      resets.add(reason + " @" + next);
                    }
                  })
              .build();
      ConsumeHandle handle = oc.consume(m -> seen.add(m.metadata().streamSequence()), options);
      try {
        assertTrue(held.await(20, TimeUnit.SECONDS), "message " + HELD + " reached");
        String first = oc.currentInfo().name();
        nc.forceReconnect(); // the reset comes on the events thread, message 40 still held
        try {
          Await.until(
              () -> js.consumers().names(stream).stream().anyMatch(n -> !n.equals(first)),
              RESET_WINDOW,
              "a replacement consumer");
        } catch (AssertionError expected) {
          // the reset waits for the acceptance to finish: what a correct consume does
        }
        release.countDown();
        Await.until(
            () -> seen.contains((long) COUNT),
            Duration.ofSeconds(30),
            "all " + COUNT + " handled; got " + seen.size() + ", resets " + resets);
      } finally {
        release.countDown();
        handle.stop();
      }
      List<Long> expected = new ArrayList<>();
      for (long i = 1; i <= COUNT; i++) {
        expected.add(i);
      }
      assertEquals(
          expected, new ArrayList<>(seen), "each message once, in order; resets " + resets);
      assertEquals(1, resets.size(), "one reset, the reconnect: " + resets);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
