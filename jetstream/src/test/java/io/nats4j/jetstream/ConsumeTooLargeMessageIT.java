package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Nats;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, defect 4 (the shared pull engine's part): a message larger than a whole pull's byte
 * limit is answered with {@code 409 Message Size Exceeds MaxBytes} every time; the consume warns
 * and does not pull again in a tight loop.
 */
class ConsumeTooLargeMessageIT {
  private static final int MIB = 1024 * 1024;

  private static NatsServer server;
  private static Connection nc;
  private static JetStream js;

  @BeforeAll
  static void start() {
    server = NatsServer.start(ServerConfig.builder().jetStream().maxPayload(4 * MIB).build());
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
  }

  @AfterAll
  static void stop() {
    js.close();
    nc.close();
    server.close();
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void aMessageLargerThanAWholePullIsWarnedAboutAndNotPulledForInATightLoop() throws Exception {
    js.streams().create(StreamConfig.builder("TOOBIG").subjects("toobig").build());
    js.publish("toobig", new byte[2 * MIB]);
    js.consumers()
        .create(
            "TOOBIG",
            ConsumerConfig.builder().durableName("c").ackPolicy(AckPolicy.EXPLICIT).build());
    CountDownLatch warned = new CountDownLatch(1);
    CountDownLatch tenPulls = new CountDownLatch(10);
    Dispatcher observer = nc.createDispatcher("pull-counter");
    observer.subscribe("$JS.API.CONSUMER.MSG.NEXT.TOOBIG.c", m -> tenPulls.countDown());
    nc.flush(Duration.ofSeconds(5));
    ConsumeErrorListener listener =
        new ConsumeErrorListener() {
          @Override
          public void warning(int code, String description) {
            if (code == 409) {
              warned.countDown();
            }
          }
        };
    try (ConsumeHandle h =
        js.consumer("TOOBIG", "c")
            .consume(
                m -> {},
                ConsumeOptions.builder()
                    .maxBytes(MIB)
                    .idleHeartbeat(Duration.ofSeconds(5))
                    .errorListener(listener)
                    .build())) {
      assertTrue(warned.await(10, TimeUnit.SECONDS), "the 409 is reported");
      // the loop sent thousands of pulls a second; now at most one every heartbeat check
      assertFalse(tenPulls.await(2, TimeUnit.SECONDS), "ten pulls or more: a tight loop");
    } finally {
      observer.close();
    }
  }
}
