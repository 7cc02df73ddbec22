package io.nats4j.jetstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A restart of the server while publishing async: acks of messages written to the lost socket fail
 * (they may or may not be stored), but messages buffered during the outage are sent after the
 * reconnect and get their real acks.
 */
class AsyncPublishReconnectIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void messagesBufferedDuringTheOutageGetTheirRealAcks() throws Exception {
    try (NatsServer server = NatsServer.start(ServerConfig.builder().jetStream().build())) {
      AtomicReference<JetStream> jsRef = new AtomicReference<>();
      List<CompletableFuture<PubAck>> fromListener = new ArrayList<>();
      CountDownLatch disconnected = new CountDownLatch(1);
      CountDownLatch resubscribed = new CountDownLatch(1);
      Options options =
          Options.builder()
              .server(server.clientUrl())
              .reconnect(
                  ReconnectOptions.builder()
                      .maxAttempts(-1)
                      .waitTime(Duration.ofMillis(50))
                      .jitter(Duration.ZERO, Duration.ZERO)
                      .build())
              .connectionListener(
                  event -> {
                    if (event instanceof ConnectionEvent.Disconnected) {
                      // runs before the context's own listener (options listeners come first):
                      // these are buffered, written to the next server only
                      for (int i = 0; i < 10; i++) {
                        fromListener.add(
                            jsRef.get().publishAsync("async.buffered", ("l" + i).getBytes(UTF_8)));
                      }
                      disconnected.countDown();
                    } else if (event instanceof ConnectionEvent.Resubscribed) {
                      resubscribed.countDown();
                    }
                  })
              .build();
      try (Connection nc = Nats.connect(options);
          JetStream js =
              JetStream.of(nc, JetStreamOptions.builder().publishAckTimeout(WAIT).build())) {
        jsRef.set(js);
        js.streams()
            .create(StreamConfig.builder("ASYNC").subjects("async.>").build()); // file storage
        js.publishAsync("async.before", "b".getBytes(UTF_8)).get(10, TimeUnit.SECONDS);

        server.kill();
        assertTrue(disconnected.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<PubAck>> duringOutage = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          duringOutage.add(js.publishAsync("async.buffered", ("o" + i).getBytes(UTF_8)));
        }
        server.restart();
        assertTrue(resubscribed.await(10, TimeUnit.SECONDS));

        List<CompletableFuture<PubAck>> buffered = new ArrayList<>(fromListener);
        buffered.addAll(duringOutage);
        long lastSeq = 0;
        for (CompletableFuture<PubAck> f : buffered) {
          PubAck ack = f.get(WAIT.toSeconds(), TimeUnit.SECONDS); // throws if it was failed
          assertEquals("ASYNC", ack.stream());
          assertTrue(ack.seq() > lastSeq, "stored in publish order");
          lastSeq = ack.seq();
        }
        assertEquals(1 + buffered.size(), lastSeq, "each buffered message stored once");
      }
    }
  }
}
