package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A consume bounded by bytes keeps several pull requests open; when the next message does not fit
 * in what is left of one, the server ends that request with {@code 409 Message Size Exceeds
 * MaxBytes}, and the following open request may end the same way before any message arrives. That
 * is the normal flow of a byte window, not a message too large for any pull: nothing is warned
 * about and every message arrives without waiting for the heartbeat check. (The server serves the
 * open requests in turn, so with a window of 1 MiB re-pulled at 768 KiB these sizes end two
 * requests in a row; each size failed before the fix with one to seven warnings.)
 */
class ConsumeByteWindowIT {
  private static final int KIB = 1024;
  private static final int MESSAGES = 60;

  private static NatsServer server;
  private static Connection nc;
  private static JetStream js;

  @BeforeAll
  static void start() {
    server =
        NatsServer.start(ServerConfig.builder().jetStream().maxPayload(4 * 1024 * KIB).build());
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

  @ParameterizedTest
  @ValueSource(ints = {130, 210, 290})
  void requestsEndedByTheByteBoundOneAfterAnotherAreNotAWarningAndDeliveryGoesOn(int kib)
      throws Exception {
    String stream = "WINDOW" + kib;
    js.streams().create(StreamConfig.builder(stream).subjects("window" + kib).build());
    for (int i = 0; i < MESSAGES; i++) {
      js.publish("window" + kib, new byte[kib * KIB]);
    }
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder().durableName("c").ackPolicy(AckPolicy.EXPLICIT).build());
    List<String> warnings = new CopyOnWriteArrayList<>();
    ConsumeErrorListener listener =
        new ConsumeErrorListener() {
          @Override
          public void warning(int code, String description) {
            warnings.add(code + " " + description);
          }
        };
    CountDownLatch all = new CountDownLatch(MESSAGES);
    try (ConsumeHandle h =
        js.consumer(stream, "c")
            .consume(
                m -> {
                  m.ack();
                  all.countDown();
                },
                ConsumeOptions.builder()
                    .maxBytes(1024 * KIB)
                    .thresholdBytes(768 * KIB)
                    // long enough that only the pull flow, not the heartbeat check, can finish
                    .expiresIn(Duration.ofSeconds(60))
                    .idleHeartbeat(Duration.ofSeconds(30))
                    .errorListener(listener)
                    .build())) {
      assertTrue(
          all.await(20, TimeUnit.SECONDS),
          "delivered " + (MESSAGES - all.getCount()) + " of " + MESSAGES + "; " + warnings);
    }
    assertEquals(List.of(), warnings);
  }
}
